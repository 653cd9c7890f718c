-- What alert-service reports back about a session's alert: who was paged and how, the escalation level and when the
-- next falls due, who acknowledged it. The tablet shows it live.
ALTER TABLE therapy_session ADD COLUMN alert_raised_at TIMESTAMPTZ;
UPDATE therapy_session SET alert_raised_at = alert_updated_at WHERE alert_id IS NOT NULL;
ALTER TABLE therapy_session ADD COLUMN alert_escalation_level INTEGER;
ALTER TABLE therapy_session ADD COLUMN alert_next_escalation_at TIMESTAMPTZ;
ALTER TABLE therapy_session ADD COLUMN alert_acknowledged_by TEXT;
ALTER TABLE therapy_session ADD COLUMN alert_acknowledged_at TIMESTAMPTZ;
-- every page so far, as JSON [{"who": ..., "channel": ..., "at": ...}]
ALTER TABLE therapy_session ADD COLUMN alert_notified TEXT NOT NULL DEFAULT '[]';
