package dev.spotter.screening.domain;

/** The osteoporosis answer of S9. */
public enum Osteoporosis {
    NONE,
    MILD,
    SEVERE
}
