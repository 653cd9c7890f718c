package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.time.LocalDate;
import java.util.List;

/** Whether a patient may start a session on a day, and until when (exclusive) that holds. */
public record Eligibility(boolean eligible, Outcome effectiveOutcome, List<Reason> blockingReasons, LocalDate eligibleUntil,
                          BloodPressure bpCeiling) {

    public Eligibility {
        blockingReasons = List.copyOf(blockingReasons);
        if (eligible == !blockingReasons.isEmpty()) {
            throw new IllegalArgumentException("A patient is eligible exactly when nothing blocks");
        }
    }

    static Eligibility eligibleUntil(LocalDate until, BloodPressure bpCeiling) {
        return new Eligibility(true, Outcome.CLEARED, List.of(), until, bpCeiling);
    }

    static Eligibility blockedBy(List<Reason> blockingReasons) {
        return new Eligibility(false, ScreeningResult.worstOf(blockingReasons), blockingReasons, null, null);
    }
}
