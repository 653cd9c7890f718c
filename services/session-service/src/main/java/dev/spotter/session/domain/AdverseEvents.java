package dev.spotter.session.domain;

import dev.spotter.events.Priority;
import java.util.Collection;
import java.util.Objects;

/** Adverse events (clinical rules, section 6): a patient's stop-symptoms counted by the priority each was raised at. */
public record AdverseEvents(int high, int medium, int low) {

    /** One priority per stop-symptom, as {@link SymptomPriority} gave it in its context. */
    public static AdverseEvents count(Collection<Priority> stopSymptomPriorities) {
        int high = 0;
        int medium = 0;
        int low = 0;
        for (Priority priority : stopSymptomPriorities) {
            switch (Objects.requireNonNull(priority, "priority")) {
                case HIGH -> high++;
                case MEDIUM -> medium++;
                case LOW -> low++;
            }
        }
        return new AdverseEvents(high, medium, low);
    }

    public int total() {
        return high + medium + low;
    }

    public int of(Priority priority) {
        return switch (priority) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }
}
