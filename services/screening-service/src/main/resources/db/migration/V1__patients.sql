-- screening-service: the clinic's patients. Names stay here; events carry the pseudonymous id only.
CREATE TABLE patient (
    id            UUID        PRIMARY KEY,
    clinic_id     TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    registered_by TEXT        NOT NULL
);
CREATE INDEX patient_by_clinic ON patient (clinic_id, display_name);

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
