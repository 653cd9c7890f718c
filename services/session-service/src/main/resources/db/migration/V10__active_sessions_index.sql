-- The sessions under way, read every 10 seconds for the spotter_sessions_active gauge: a small partial index, so the
-- count never scans the whole history of sessions.
CREATE INDEX therapy_session_active ON therapy_session (clinic_id) WHERE status = 'ACTIVE';
