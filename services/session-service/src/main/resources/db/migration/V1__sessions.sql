-- session-service: sessions, their symptoms, and the patients screening-service registered.
CREATE TABLE known_patient (
    patient_id    UUID        PRIMARY KEY,
    clinic_id     TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE therapy_session (
    id               UUID        PRIMARY KEY,
    clinic_id        TEXT        NOT NULL,
    patient_id       UUID        NOT NULL,
    status           TEXT        NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    started_by       TEXT        NOT NULL,
    stopped_at       TIMESTAMPTZ,
    alert_id         UUID,
    alert_status     TEXT,
    alert_priority   TEXT,
    alert_updated_at TIMESTAMPTZ
);
CREATE INDEX therapy_session_by_clinic ON therapy_session (clinic_id, started_at DESC);

CREATE TABLE session_symptom (
    id           UUID        PRIMARY KEY,
    clinic_id    TEXT        NOT NULL,
    session_id   UUID        NOT NULL REFERENCES therapy_session (id),
    code         TEXT        NOT NULL,
    priority     TEXT        NOT NULL,
    stop_symptom BOOLEAN     NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    reported_by  TEXT        NOT NULL
);
CREATE INDEX session_symptom_by_session ON session_symptom (session_id, reported_at);

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
