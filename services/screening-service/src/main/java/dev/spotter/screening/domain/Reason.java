package dev.spotter.screening.domain;

import java.util.List;
import java.util.Objects;

/** One reason of an outcome: the rule id (S1..S14), its SNOMED CT codes (may be empty) and a plain text for staff. */
public record Reason(String ruleId, Outcome outcome, List<String> snomedCodes, String text, boolean urgent, boolean warning) {

    public Reason {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(text, "text");
        snomedCodes = snomedCodes == null ? List.of() : List.copyOf(snomedCodes);
        if (urgent && outcome != Outcome.CONTRAINDICATED) {
            throw new IllegalArgumentException("Only a CONTRAINDICATED reason can be urgent: " + ruleId);
        }
        if (warning && outcome != Outcome.CLEARED) {
            throw new IllegalArgumentException("Only a CLEARED reason can be a warning: " + ruleId);
        }
    }

    public static Reason contraindicated(String ruleId, String text, String... snomedCodes) {
        return new Reason(ruleId, Outcome.CONTRAINDICATED, List.of(snomedCodes), text, false, false);
    }

    /** CONTRAINDICATED and a HIGH alert: staff must act today, not only refuse the session. */
    public static Reason urgent(String ruleId, String text, String... snomedCodes) {
        return new Reason(ruleId, Outcome.CONTRAINDICATED, List.of(snomedCodes), text, true, false);
    }

    public static Reason needsClearance(String ruleId, String text, String... snomedCodes) {
        return new Reason(ruleId, Outcome.NEEDS_CLEARANCE, List.of(snomedCodes), text, false, false);
    }

    /** CLEARED, but shown to staff so they keep an eye on it. */
    public static Reason warning(String ruleId, String text, String... snomedCodes) {
        return new Reason(ruleId, Outcome.CLEARED, List.of(snomedCodes), text, false, true);
    }
}
