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

-- Idempotent requests: a client-made Idempotency-Key and the answer first given to it, stored in the transaction of
-- the request's effect, so a retry gets the same answer and no second effect.
CREATE TABLE IF NOT EXISTS idempotent_request (
    clinic_id    TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    status       INTEGER,
    content_type TEXT,
    body         TEXT,
    location     TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (clinic_id, key)
);
CREATE INDEX IF NOT EXISTS idempotent_request_age ON idempotent_request (created_at);
