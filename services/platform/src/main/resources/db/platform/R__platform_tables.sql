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
-- The W3C trace context (traceparent, tracestate) of the work that wrote the event, as a JSON object: the relay's
-- send joins that trace. Null where there was none. Added here, not in a versioned script: versioned scripts run
-- before this one, so on an empty database the table would not exist yet for them.
ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS trace_context JSONB;

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

-- Audit log: who (user, roles, clinic) did what (method and route, the path it named, the answer's status) and when.
-- Append-only: a trigger refuses every change and deletion. Each clinic's entries form a hash chain (AuditChain):
-- an entry's hash covers its fields and the previous entry's hash, so a changed, removed or inserted entry shows.
CREATE TABLE IF NOT EXISTS audit_entry (
    seq        BIGSERIAL   PRIMARY KEY,
    clinic_id  TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    actor      TEXT        NOT NULL,
    roles      TEXT        NOT NULL,
    action     TEXT        NOT NULL,
    target     TEXT        NOT NULL,
    status     INTEGER     NOT NULL,
    prev_hash  TEXT        NOT NULL,
    hash       TEXT        NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entry_by_clinic ON audit_entry (clinic_id, seq);

CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP;
END $$;
DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry;
CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
