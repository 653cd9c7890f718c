package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.time.Instant;

/** A blood pressure reading of S7, with an optional recheck taken at least 5 minutes later; the recheck counts when present. */
public record BpReading(BloodPressure first, Instant firstTakenAt, BloodPressure recheck, Instant recheckTakenAt) {

    public static BpReading single(BloodPressure first, Instant takenAt) {
        return new BpReading(first, takenAt, null, null);
    }

    public BpReading withRecheck(BloodPressure recheck, Instant takenAt) {
        return new BpReading(first, firstTakenAt, recheck, takenAt);
    }

    /** The reading the BP rule judges: a first reading is often high from nerves, so a recheck replaces it. */
    public BloodPressure counted() {
        return recheck != null ? recheck : first;
    }
}
