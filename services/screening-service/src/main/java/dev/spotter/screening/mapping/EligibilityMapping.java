package dev.spotter.screening.mapping;

import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.clinical.BpCategory;
import dev.spotter.events.screening.ScreeningReason;
import dev.spotter.screening.domain.Eligibility;
import dev.spotter.screening.domain.Reason;
import java.time.ZoneId;

/** Domain eligibility and reasons as the event contracts carry them. */
public final class EligibilityMapping {

    private EligibilityMapping() {
    }

    public static ScreeningReason toEvent(Reason reason) {
        return new ScreeningReason(reason.ruleId(), reason.outcome().name(), reason.snomedCodes(), reason.text());
    }

    /** The exclusive end day becomes the instant that day starts in the clinic's time zone. */
    public static PatientEligibility toEvent(Eligibility eligibility, ZoneId zone, BpCategory bpAllowedUpTo) {
        return new PatientEligibility(eligibility.eligible(), eligibility.effectiveOutcome().name(),
                eligibility.blockingReasons().stream().map(EligibilityMapping::toEvent).toList(),
                eligibility.eligibleUntil() == null ? null : eligibility.eligibleUntil().atStartOfDay(zone).toInstant(),
                eligibility.bpCeiling() == null ? null : eligibility.bpCeiling().systolic(),
                eligibility.bpCeiling() == null ? null : eligibility.bpCeiling().diastolic(), bpAllowedUpTo.name());
    }
}
