package dev.spotter.events.screening;

import dev.spotter.events.Require;
import java.util.List;

/** One reason of a screening outcome: the rule (S1-S14), its outcome, SNOMED CT codes and plain text for staff. */
public record ScreeningReason(String ruleId, String outcome, List<String> snomedCodes, String text) {

    public ScreeningReason {
        Require.present(ruleId, "ruleId");
        Require.present(outcome, "outcome");
        snomedCodes = List.copyOf(Require.present(snomedCodes, "snomedCodes"));
        Require.present(text, "text");
    }
}
