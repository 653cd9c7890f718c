package dev.spotter.session.domain;

import dev.spotter.events.Priority;

/**
 * The priority the rules give a symptom in its context: new numbness matching a known, unchanged
 * sciatic pattern is MEDIUM; dizziness lasting over 5 minutes or coming with another symptom is HIGH.
 */
public final class SymptomPriority {

    /** What staff told us about the symptom, and whether the session already had another one. */
    public record Context(boolean lastedOverFiveMinutes, boolean matchesKnownSciaticPattern, boolean sessionHasOtherSymptoms) {
    }

    private SymptomPriority() {
    }

    public static Priority of(Symptom symptom, Context context) {
        return switch (symptom) {
            case NEW_NUMBNESS -> context.matchesKnownSciaticPattern() ? Priority.MEDIUM : Priority.HIGH;
            case DIZZINESS -> context.lastedOverFiveMinutes() || context.sessionHasOtherSymptoms() ? Priority.HIGH : Priority.MEDIUM;
            default -> symptom.basePriority();
        };
    }
}
