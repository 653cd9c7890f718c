-- The tables the platform module uses in every service's database. Repeatable and idempotent:
-- Flyway applies it after the service's own versioned migrations, and again whenever it changes.

-- Transactional outbox: events written with the state change, published by the relay.
CREATE TABLE IF NOT EXISTS outbox_message (
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
CREATE INDEX IF NOT EXISTS outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL;

-- Idempotent consumption: an event id is recorded in the transaction that applies it.
CREATE TABLE IF NOT EXISTS processed_event (
    event_id     UUID        PRIMARY KEY,
    clinic_id    TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
