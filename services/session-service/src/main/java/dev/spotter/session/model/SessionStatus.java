package dev.spotter.session.model;

/** Where a session stands: inverting, or ended early by a stop-symptom. */
public enum SessionStatus {
    ACTIVE,
    STOPPED
}
