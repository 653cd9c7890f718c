-- The check before every session: blood pressure, heart rate and pain; and how far the patient's
-- clearances let a reading go (from screening-service's eligibility).
ALTER TABLE known_patient ADD COLUMN bp_allowed_up_to TEXT;
ALTER TABLE therapy_session ADD COLUMN bp_before_systolic  INTEGER;
ALTER TABLE therapy_session ADD COLUMN bp_before_diastolic INTEGER;
ALTER TABLE therapy_session ADD COLUMN heart_rate_before   INTEGER;
ALTER TABLE therapy_session ADD COLUMN pain_before         INTEGER;
