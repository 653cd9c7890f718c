package dev.spotter.screening.domain;

/** The outcome of a screening answer or of a whole screening, in order of severity. */
public enum Outcome {
    CLEARED,
    NEEDS_CLEARANCE,
    CONTRAINDICATED;

    /** The more severe of the two: the worst answer decides the screening. */
    public Outcome worst(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
