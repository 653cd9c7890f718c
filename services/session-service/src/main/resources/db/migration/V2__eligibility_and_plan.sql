-- session-service's view of screening: may the patient start a session, until when, and within which plan.
ALTER TABLE known_patient ADD COLUMN eligible               BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE known_patient ADD COLUMN effective_outcome      TEXT;
ALTER TABLE known_patient ADD COLUMN blocking_reasons       TEXT NOT NULL DEFAULT '[]';
ALTER TABLE known_patient ADD COLUMN eligible_until         TIMESTAMPTZ;
ALTER TABLE known_patient ADD COLUMN bp_ceiling_systolic    INTEGER;
ALTER TABLE known_patient ADD COLUMN bp_ceiling_diastolic   INTEGER;
ALTER TABLE known_patient ADD COLUMN eligibility_updated_at TIMESTAMPTZ;
ALTER TABLE known_patient ADD COLUMN plan                   TEXT;

-- What a session was started at.
ALTER TABLE therapy_session ADD COLUMN angle_degrees INTEGER;
ALTER TABLE therapy_session ADD COLUMN hold_seconds  INTEGER;
CREATE INDEX therapy_session_by_patient ON therapy_session (patient_id, started_at);
