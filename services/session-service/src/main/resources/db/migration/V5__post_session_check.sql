-- The check after the session: blood pressure and heart rate at about 3 minutes upright, pain, the spotter's sign-off.
ALTER TABLE therapy_session ADD COLUMN bp_after_systolic  INTEGER;
ALTER TABLE therapy_session ADD COLUMN bp_after_diastolic INTEGER;
ALTER TABLE therapy_session ADD COLUMN heart_rate_after   INTEGER;
ALTER TABLE therapy_session ADD COLUMN pain_after         INTEGER;
ALTER TABLE therapy_session ADD COLUMN spotter_sign_off   TEXT;
ALTER TABLE therapy_session ADD COLUMN completed_at       TIMESTAMPTZ;
ALTER TABLE therapy_session ADD COLUMN recheck_due_at     TIMESTAMPTZ;
