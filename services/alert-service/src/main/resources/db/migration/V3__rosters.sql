-- On-call rosters, per clinic: its time zone and clinic lead, its clinicians with their contact methods, and the
-- on-call shifts written in the clinic's wall-clock time (so a shift keeps its hours across daylight saving).
CREATE TABLE clinic_roster (
    clinic_id   TEXT PRIMARY KEY,
    time_zone   TEXT NOT NULL,
    clinic_lead TEXT
);

CREATE TABLE clinician (
    clinic_id    TEXT NOT NULL,
    username     TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email        TEXT,
    webhook_url  TEXT,
    PRIMARY KEY (clinic_id, username),
    CONSTRAINT clinician_has_a_contact CHECK (email IS NOT NULL OR webhook_url IS NOT NULL)
);

CREATE TABLE on_call_shift (
    id           UUID      PRIMARY KEY,
    clinic_id    TEXT      NOT NULL,
    clinician    TEXT      NOT NULL,
    role         TEXT      NOT NULL CHECK (role IN ('PRIMARY', 'SECONDARY')),
    starts_local TIMESTAMP NOT NULL,
    ends_local   TIMESTAMP NOT NULL,
    FOREIGN KEY (clinic_id, clinician) REFERENCES clinician (clinic_id, username),
    CHECK (ends_local > starts_local)
);
CREATE INDEX on_call_shift_by_clinic ON on_call_shift (clinic_id, starts_local);
