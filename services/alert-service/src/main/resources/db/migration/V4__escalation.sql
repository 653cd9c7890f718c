-- Escalation, stored so that no timer lives in memory: the next level to page and when it falls due, the
-- acknowledgement that stops it, and every page sent (one per alert, chain, step, clinician and channel, so a
-- step never pages anyone twice, whichever replica runs it; a re-trigger starts a new chain).
ALTER TABLE alert ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN next_escalation_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE alert ADD COLUMN acknowledged_by TEXT;
CREATE INDEX alert_escalation_due ON alert (next_escalation_at) WHERE next_escalation_at IS NOT NULL;

ALTER TABLE alert_timeline_entry ADD COLUMN actor TEXT;
ALTER TABLE alert_timeline_entry ADD COLUMN detail TEXT;

CREATE TABLE alert_page (
    id         UUID        PRIMARY KEY,
    clinic_id  TEXT        NOT NULL,
    alert_id   UUID        NOT NULL REFERENCES alert (id),
    chain_started_at TIMESTAMPTZ NOT NULL,
    escalation INTEGER     NOT NULL,
    level      INTEGER     NOT NULL,
    clinician  TEXT        NOT NULL,
    channel    TEXT        NOT NULL,
    paged_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (alert_id, chain_started_at, escalation, clinician, channel)
);
CREATE INDEX alert_page_by_alert ON alert_page (alert_id, paged_at);
