-- Alerts raised by a screening's urgent finding (S14, BP crisis) have no session.
ALTER TABLE alert ALTER COLUMN session_id DROP NOT NULL;
ALTER TABLE alert ADD COLUMN screening_id UUID UNIQUE;
ALTER TABLE alert ADD CONSTRAINT alert_has_an_origin CHECK (session_id IS NOT NULL OR screening_id IS NOT NULL);
ALTER TABLE alert RENAME COLUMN symptom_code TO cause;
ALTER TABLE alert_timeline_entry RENAME COLUMN symptom_code TO cause;
