-- alert-service: one alert per session, and the timeline of what happened to it.
CREATE TABLE alert (
    id                 UUID        PRIMARY KEY,
    clinic_id          TEXT        NOT NULL,
    session_id         UUID        NOT NULL UNIQUE,
    patient_id         UUID        NOT NULL,
    priority           TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    symptom_code       TEXT        NOT NULL,
    raised_at          TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX alert_by_clinic ON alert (clinic_id, raised_at DESC);

CREATE TABLE alert_timeline_entry (
    id           UUID        PRIMARY KEY,
    clinic_id    TEXT        NOT NULL,
    alert_id     UUID        NOT NULL REFERENCES alert (id),
    kind         TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    symptom_code TEXT,
    priority     TEXT,
    event_id     UUID
);
CREATE INDEX alert_timeline_by_alert ON alert_timeline_entry (alert_id, at);

-- Transactional outbox: events written with the state change, published by the relay.
CREATE TABLE outbox_message (
    seq          BIGSERIAL PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    clinic_id    TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    headers      JSONB       NOT NULL,
    payload      TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL;

-- Idempotent consumption: an event id is recorded in the transaction that applies it.
CREATE TABLE processed_event (
    event_id     UUID        PRIMARY KEY,
    clinic_id    TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
