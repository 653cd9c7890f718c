-- The rest of an alert's life: resolved with an outcome, or cancelled at source with a reason; and the start of the
-- current escalation chain, which a re-trigger (an acknowledged HIGH alert not resolved within 10 minutes) restarts.
ALTER TABLE alert ADD COLUMN escalation_started_at TIMESTAMPTZ;
UPDATE alert SET escalation_started_at = raised_at;
ALTER TABLE alert ALTER COLUMN escalation_started_at SET NOT NULL;
ALTER TABLE alert ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN resolved_by TEXT;
ALTER TABLE alert ADD COLUMN outcome TEXT;
ALTER TABLE alert ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN cancelled_by TEXT;
ALTER TABLE alert ADD COLUMN cancel_reason TEXT;
