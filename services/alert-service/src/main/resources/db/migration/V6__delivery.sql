-- Delivery beyond the console. Each page of a clinician by a channel is a row of alert_page: the console's are shown at
-- once; a webhook's or an e-mail's waits as PENDING until a sender claims it (FOR UPDATE SKIP LOCKED, so one replica
-- sends it), then ends DELIVERED, FAILED after its last retry, or STOPPED when the alert was acknowledged or closed.
-- A cancellation at source tells everyone paged by a row of purpose CANCELLED. Every attempt is kept with its outcome.
ALTER TABLE alert_page ADD COLUMN purpose TEXT NOT NULL DEFAULT 'PAGE' CHECK (purpose IN ('PAGE', 'CANCELLED'));
ALTER TABLE alert_page ADD COLUMN status TEXT NOT NULL DEFAULT 'SHOWN'
    CHECK (status IN ('SHOWN', 'PENDING', 'DELIVERED', 'FAILED', 'STOPPED'));
ALTER TABLE alert_page ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE alert_page ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE alert_page ADD COLUMN delivered_at TIMESTAMPTZ;
ALTER TABLE alert_page DROP CONSTRAINT alert_page_alert_id_chain_started_at_escalation_clinician_c_key;
ALTER TABLE alert_page ADD CONSTRAINT alert_page_once
    UNIQUE (alert_id, chain_started_at, escalation, clinician, channel, purpose);
CREATE INDEX alert_page_due ON alert_page (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE delivery_attempt (
    id          UUID        PRIMARY KEY,
    clinic_id   TEXT        NOT NULL,
    page_id     UUID        NOT NULL REFERENCES alert_page (id),
    attempt     INTEGER     NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    outcome     TEXT        CHECK (outcome IN ('DELIVERED', 'FAILED')),
    detail      TEXT,
    UNIQUE (page_id, attempt)
);

-- The key a clinic's webhook receivers check each request's signature with; a clinic-admin creates and rotates it.
ALTER TABLE clinic_roster ADD COLUMN webhook_secret TEXT;

-- A clinic's own escalation for a priority, replacing the default: its levels (after how long, whom) and how often
-- the last one repeats until someone acknowledges.
CREATE TABLE escalation_setting (
    clinic_id      TEXT    NOT NULL,
    priority       TEXT    NOT NULL CHECK (priority IN ('HIGH', 'MEDIUM')),
    levels         JSONB   NOT NULL,
    repeat_seconds INTEGER NOT NULL CHECK (repeat_seconds > 0),
    PRIMARY KEY (clinic_id, priority)
);
