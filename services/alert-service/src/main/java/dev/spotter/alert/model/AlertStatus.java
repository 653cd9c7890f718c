package dev.spotter.alert.model;

/** Where an alert stands: raised (and escalating until someone acknowledges it), or acknowledged. */
public enum AlertStatus {
    RAISED,
    ACKNOWLEDGED
}
