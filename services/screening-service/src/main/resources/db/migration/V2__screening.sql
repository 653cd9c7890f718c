-- Screening, physician clearances, protocol plans, and the thresholds each clinic configures.
CREATE TABLE clinic_settings (
    clinic_id              TEXT        PRIMARY KEY,
    time_zone              TEXT        NOT NULL,
    screening_valid_days   INTEGER     NOT NULL,
    stroke_window_months   INTEGER     NOT NULL,
    stage1_needs_clearance BOOLEAN     NOT NULL,
    reflux_needs_clearance BOOLEAN     NOT NULL,
    table_rated_load_kg    NUMERIC(6,1) NOT NULL,
    clearance_valid_days   INTEGER     NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    updated_by             TEXT        NOT NULL
);

CREATE TABLE screening (
    id                    UUID        PRIMARY KEY,
    clinic_id             TEXT        NOT NULL,
    patient_id            UUID        NOT NULL REFERENCES patient (id),
    questionnaire_version INTEGER     NOT NULL,
    answers               TEXT        NOT NULL,
    outcome               TEXT        NOT NULL,
    reasons               TEXT        NOT NULL,
    bp_category           TEXT        NOT NULL,
    counted_systolic      INTEGER     NOT NULL,
    counted_diastolic     INTEGER     NOT NULL,
    completed_at          TIMESTAMPTZ NOT NULL,
    completed_on          DATE        NOT NULL,
    valid_until           DATE        NOT NULL,
    completed_by          TEXT        NOT NULL
);
CREATE INDEX screening_by_patient ON screening (patient_id, completed_at DESC);

CREATE TABLE physician_clearance (
    id                   UUID        PRIMARY KEY,
    clinic_id            TEXT        NOT NULL,
    patient_id           UUID        NOT NULL REFERENCES patient (id),
    physician_name       TEXT        NOT NULL,
    physician_id         TEXT        NOT NULL,
    issued_on            DATE        NOT NULL,
    scope                TEXT        NOT NULL,
    bp_ceiling_systolic  INTEGER,
    bp_ceiling_diastolic INTEGER,
    expires_on           DATE        NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL,
    recorded_by          TEXT        NOT NULL,
    expiry_published     BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX physician_clearance_by_patient ON physician_clearance (patient_id);
CREATE INDEX physician_clearance_to_expire ON physician_clearance (expires_on) WHERE NOT expiry_published;

CREATE TABLE protocol_plan (
    patient_id                UUID        PRIMARY KEY REFERENCES patient (id),
    clinic_id                 TEXT        NOT NULL,
    start_angle_degrees       INTEGER     NOT NULL,
    start_hold_seconds        INTEGER     NOT NULL,
    first_two_weeks_ceiling   INTEGER     NOT NULL,
    max_angle_degrees         INTEGER     NOT NULL,
    max_hold_seconds          INTEGER     NOT NULL,
    max_total_seconds         INTEGER     NOT NULL,
    max_sessions_per_week     INTEGER     NOT NULL,
    updated_at                TIMESTAMPTZ NOT NULL,
    updated_by                TEXT        NOT NULL
);
