package dev.spotter.events;

/** Alert priority from the clinical rules; maps to FHIR CommunicationRequest priority. */
public enum Priority {
    HIGH("stat"),
    MEDIUM("urgent"),
    LOW("routine");

    private final String fhirPriority;

    Priority(String fhirPriority) {
        this.fhirPriority = fhirPriority;
    }

    public String fhirPriority() {
        return fhirPriority;
    }

    /** The more urgent of the two. */
    public Priority max(Priority other) {
        return other.ordinal() < ordinal() ? other : this;
    }
}
