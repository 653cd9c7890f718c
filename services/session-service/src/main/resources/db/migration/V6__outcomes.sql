-- Oswestry Disability Index scores at baseline, week 4 and week 8.
CREATE TABLE odi_score (
    id          UUID        PRIMARY KEY,
    clinic_id   TEXT        NOT NULL,
    patient_id  UUID        NOT NULL REFERENCES known_patient (patient_id),
    point       TEXT        NOT NULL,
    score       INTEGER     NOT NULL CHECK (score BETWEEN 0 AND 100),
    recorded_at TIMESTAMPTZ NOT NULL,
    recorded_by TEXT        NOT NULL,
    UNIQUE (patient_id, point)
);
