package dev.spotter.screening.domain;

import dev.spotter.clinical.BpCategory;
import java.util.List;

/** The outcome of a screening: the worst reason wins, and every reason is listed. */
public record ScreeningResult(Outcome outcome, List<Reason> reasons, BpCategory bpCategory) {

    public ScreeningResult {
        reasons = List.copyOf(reasons);
        if (outcome != worstOf(reasons)) {
            throw new IllegalArgumentException("Outcome " + outcome + " is not the worst of its reasons");
        }
    }

    public static ScreeningResult of(List<Reason> reasons, BpCategory bpCategory) {
        return new ScreeningResult(worstOf(reasons), reasons, bpCategory);
    }

    /** Whether the screening raises a HIGH alert (S14, BP crisis). */
    public boolean urgent() {
        return reasons.stream().anyMatch(Reason::urgent);
    }

    /** No reasons means CLEARED. */
    static Outcome worstOf(List<Reason> reasons) {
        return reasons.stream().map(Reason::outcome).reduce(Outcome.CLEARED, Outcome::worst);
    }
}
