-- A review a patient needs before their next session (clinical rules, sections 3 and 6): a physician after chest pain,
-- ophthalmology after a visual disturbance, a clinician after eye redness or a deterioration. While one is open, no
-- session starts; a clinician releases it with a note. One per cause (a symptom's code, or deterioration) and the session
-- that raised it, so eye redness and a deterioration found on the same session are two reviews.
CREATE TABLE review_hold (
    id          UUID        PRIMARY KEY,
    clinic_id   TEXT        NOT NULL,
    patient_id  UUID        NOT NULL REFERENCES known_patient (patient_id),
    kind        TEXT        NOT NULL,
    cause       TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    session_id  UUID        NOT NULL REFERENCES therapy_session (id),
    created_at  TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ,
    released_by TEXT,
    release_note TEXT,
    UNIQUE (patient_id, cause, session_id),
    CHECK ((released_at IS NULL) = (released_by IS NULL))
);

CREATE INDEX review_hold_open ON review_hold (patient_id) WHERE released_at IS NULL;
