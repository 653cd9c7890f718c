package dev.spotter.session.model;

/** Where a session stands: under way, ended early by a stop-symptom, or refused at its pre-check (kept for the record and the alert). */
public enum SessionStatus {
    ACTIVE,
    STOPPED,
    REFUSED
}
