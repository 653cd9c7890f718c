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
