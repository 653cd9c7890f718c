-- The W3C trace context (traceparent, tracestate) as a JSON object: of an alert's latest cause, so its later
-- escalation steps join that cause's trace; of a page, so its delivery, done later by a sender, joins the trace that
-- made it. Null where there was none.
ALTER TABLE alert ADD COLUMN trace_context JSONB;
ALTER TABLE alert_page ADD COLUMN trace_context JSONB;
