package dev.spotter.events.screening;

import dev.spotter.events.Require;
import java.time.Instant;
import java.util.List;

/**
 * Whether a patient may start a session, as screening-service decided it from the current
 * screening and clearances. {@code eligibleUntil} is the moment it stops holding (screening or a
 * clearance expires), so a consumer can refuse on time even before the expiry event arrives.
 * {@code bpCeiling*} is the lowest blood-pressure ceiling of the clearances relied on, if any.
 * {@code bpAllowedUpTo} is the highest blood-pressure category (NORMAL, STAGE_1, STAGE_2) a reading
 * before a session may fall in: STAGE_2 when a current clearance covers blood pressure (S7),
 * STAGE_1 when the clinic needs no clearance for stage 1; never CRISIS. Null from older producers:
 * read it as NORMAL.
 */
public record PatientEligibility(
        boolean eligible,
        String effectiveOutcome,
        List<ScreeningReason> blockingReasons,
        Instant eligibleUntil,
        Integer bpCeilingSystolic,
        Integer bpCeilingDiastolic,
        String bpAllowedUpTo) {

    public PatientEligibility {
        Require.present(effectiveOutcome, "effectiveOutcome");
        blockingReasons = List.copyOf(Require.present(blockingReasons, "blockingReasons"));
        if (eligible) {
            Require.present(eligibleUntil, "eligibleUntil");
        }
    }
}
