-- The W3C trace context (traceparent, tracestate) of the session's latest change, as a JSON object: the push of the
-- session to the clinic's tablets, made after the commit by every replica, is a span of that change's trace. Null
-- where there was none.
ALTER TABLE therapy_session ADD COLUMN trace_context JSONB;
