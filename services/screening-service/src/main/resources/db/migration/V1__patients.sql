-- screening-service: the clinic's patients. Names stay here; events carry the pseudonymous id only.
CREATE TABLE patient (
    id            UUID        PRIMARY KEY,
    clinic_id     TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    registered_by TEXT        NOT NULL
);
CREATE INDEX patient_by_clinic ON patient (clinic_id, display_name);
