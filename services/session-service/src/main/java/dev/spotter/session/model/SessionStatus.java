package dev.spotter.session.model;

/**
 * Where a session stands: under way; ended early by a stop-symptom; completed with its post-session
 * check (its stoppedAt still tells whether a stop-symptom ended it); or refused at its pre-check.
 */
public enum SessionStatus {
    ACTIVE,
    STOPPED,
    COMPLETED,
    REFUSED
}
