-- Entries of one instant (a re-trigger and the page it sends) keep the order they were written in.
ALTER TABLE alert_timeline_entry ADD COLUMN seq BIGSERIAL;
CREATE INDEX alert_timeline_entry_order ON alert_timeline_entry (alert_id, at, seq);
