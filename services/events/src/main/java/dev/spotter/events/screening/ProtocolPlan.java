package dev.spotter.events.screening;

/** A patient's inversion plan: where sessions start, how far they may progress, and the hard limits. */
public record ProtocolPlan(
        int startAngleDegrees,
        int startHoldSeconds,
        int firstTwoWeeksCeilingDegrees,
        int maxAngleDegrees,
        int maxHoldSeconds,
        int maxTotalSecondsPerSession,
        int maxSessionsPerWeek) {
}
