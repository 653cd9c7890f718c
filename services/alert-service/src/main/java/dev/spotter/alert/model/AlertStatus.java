package dev.spotter.alert.model;

/**
 * Where an alert stands: raised (escalating until acknowledged), acknowledged (in a clinician's hands; a HIGH one
 * re-triggers if not resolved within 10 minutes), resolved with an outcome, or cancelled at source with a reason.
 */
public enum AlertStatus {
    RAISED,
    ACKNOWLEDGED,
    RESOLVED,
    CANCELLED;

    public boolean isOpen() {
        return this == RAISED || this == ACKNOWLEDGED;
    }
}
