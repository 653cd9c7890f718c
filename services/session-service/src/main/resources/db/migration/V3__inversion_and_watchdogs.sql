-- The inversion of a session: its spotter, the hold in progress, and the next watchdog deadline.
ALTER TABLE therapy_session ADD COLUMN spotter                 TEXT;
ALTER TABLE therapy_session ADD COLUMN current_angle_degrees   INTEGER;
ALTER TABLE therapy_session ADD COLUMN inverted_since          TIMESTAMPTZ;
ALTER TABLE therapy_session ADD COLUMN inverted_seconds_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE therapy_session ADD COLUMN last_heartbeat_at       TIMESTAMPTZ;
ALTER TABLE therapy_session ADD COLUMN watchdog_due_at         TIMESTAMPTZ;
CREATE INDEX therapy_session_watchdog_due ON therapy_session (watchdog_due_at) WHERE watchdog_due_at IS NOT NULL;

-- Every change of the table's position, in order.
CREATE TABLE inversion_entry (
    id            UUID        PRIMARY KEY,
    clinic_id     TEXT        NOT NULL,
    session_id    UUID        NOT NULL REFERENCES therapy_session (id),
    kind          TEXT        NOT NULL,
    angle_degrees INTEGER,
    at            TIMESTAMPTZ NOT NULL,
    entered_by    TEXT        NOT NULL
);
CREATE INDEX inversion_entry_by_session ON inversion_entry (session_id, at);

-- Watchdog alerts raised, so none is raised twice, even across restarts and replicas.
CREATE TABLE watchdog_alert (
    session_id UUID        NOT NULL REFERENCES therapy_session (id),
    kind       TEXT        NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL,
    clinic_id  TEXT        NOT NULL,
    raised_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, kind, due_at)
);
