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
