package dev.spotter.alert.model;

/** Where an alert stands. Acknowledgement, resolution and cancellation arrive with escalation. */
public enum AlertStatus {
    RAISED
}
