-- When the patient last came upright, kept on the session: every view of a session shows it and the post-check
-- counts the sitting from it, so it is read often and written once a hold.
ALTER TABLE therapy_session ADD COLUMN last_upright_at TIMESTAMPTZ;

UPDATE therapy_session s SET last_upright_at = e.at
FROM (SELECT session_id, max(at) AS at FROM inversion_entry WHERE kind = 'UPRIGHT' GROUP BY session_id) e
WHERE e.session_id = s.id;
