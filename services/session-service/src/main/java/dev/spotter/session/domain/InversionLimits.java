package dev.spotter.session.domain;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.session.domain.SessionStartRules.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The section 2 limits for one running session: each angle change, hold and the session's inverted time against the hard limits and the plan. */
public record InversionLimits(ProtocolPlan plan, Instant firstSessionAt, Instant sessionStartedAt) {

    /** Total inverted time per session [CC]. */
    public static final int MAX_TOTAL_SECONDS = 300;
    /** Hanging straight down: never allowed, whatever the plan. */
    public static final int FULL_INVERSION_DEGREES = 90;

    private static final int REFUSED = 422;

    // An entry outside a limit is refused, never clipped: the table is where staff put it, and the record must say so.
    // The first two weeks are judged at the session's start, so a session never changes its ceiling half-way.

    public InversionLimits {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(sessionStartedAt, "sessionStartedAt");
    }

    /** What the live timer shows: how long the current hold may still last, and how much inverted time the session has left. */
    public record Timer(Duration holdLeft, Duration sessionLeft) {
    }

    /** Until two weeks after the first session; a patient with no session yet is in them. */
    public boolean firstTwoWeeks() {
        return firstSessionAt == null || sessionStartedAt.isBefore(firstSessionAt.plus(SessionStartRules.FIRST_WEEKS));
    }

    public int angleCeilingDegrees() {
        return SessionStartRules.angleCeiling(plan, firstSessionAt, sessionStartedAt);
    }

    public Duration holdCeiling() {
        return Duration.ofSeconds(Math.min(plan.maxHoldSeconds(), SessionStartRules.MAX_HOLD_SECONDS));
    }

    public Duration totalCeiling() {
        return Duration.ofSeconds(Math.min(plan.maxTotalSecondsPerSession(), MAX_TOTAL_SECONDS));
    }

    /** The most fundamental limit the angle breaks, if any: the hard limit, then the first-two-weeks ceiling, then the plan. */
    public Optional<Refusal> checkAngle(int degrees) {
        if (degrees < 0) {
            return angleRefused("invalid-angle", degrees + " degrees: the angle is measured down from horizontal.");
        }
        if (degrees > SessionStartRules.MAX_ANGLE_DEGREES) {
            return angleRefused("hard-limit", degrees + " degrees is above the hard limit of " + SessionStartRules.MAX_ANGLE_DEGREES
                    + " degrees." + (degrees >= FULL_INVERSION_DEGREES ? " Full inversion is never allowed." : ""));
        }
        if (firstTwoWeeks() && degrees > SessionStartRules.FIRST_WEEKS_MAX_ANGLE_DEGREES) {
            return angleRefused("first-weeks-ceiling", degrees + " degrees is above the ceiling of "
                    + SessionStartRules.FIRST_WEEKS_MAX_ANGLE_DEGREES + " degrees for the first two weeks.");
        }
        if (degrees > angleCeilingDegrees()) {
            return angleRefused("plan-limit", degrees + " degrees is above the patient's plan.");
        }
        return Optional.empty();
    }

    /** One continuous hold: at most 3 minutes, and at most the plan's longest hold. */
    public Optional<Refusal> checkHold(Duration hold) {
        if (hold.isNegative()) {
            return holdRefused("invalid-hold", "A hold cannot last " + seconds(hold) + " s.");
        }
        if (hold.compareTo(Duration.ofSeconds(SessionStartRules.MAX_HOLD_SECONDS)) > 0) {
            return holdRefused("hard-limit", "A hold of " + seconds(hold) + " s is above the hard limit of "
                    + SessionStartRules.MAX_HOLD_SECONDS + " s (3 minutes) for one continuous hold.");
        }
        if (hold.compareTo(holdCeiling()) > 0) {
            return holdRefused("plan-limit", "A hold of " + seconds(hold) + " s is longer than the patient's plan allows.");
        }
        return Optional.empty();
    }

    /** The session's inverted time, all holds together: at most 5 minutes, and at most the plan's total. */
    public Optional<Refusal> checkTotal(Duration inverted) {
        if (inverted.isNegative()) {
            return totalRefused("invalid-total", "Inverted time cannot be " + seconds(inverted) + " s.");
        }
        if (inverted.compareTo(Duration.ofSeconds(MAX_TOTAL_SECONDS)) > 0) {
            return totalRefused("hard-limit", seconds(inverted) + " s inverted is above the hard limit of "
                    + MAX_TOTAL_SECONDS + " s (5 minutes) per session.");
        }
        if (inverted.compareTo(totalCeiling()) > 0) {
            return totalRefused("plan-limit", seconds(inverted) + " s inverted is more than the patient's plan allows.");
        }
        return Optional.empty();
    }

    /**
     * The live timer at {@code now}. {@code holdStartedAt} is null while the patient is upright; then
     * {@code holdLeft} is what a new hold could last. A hold never outlasts what is left of the session.
     */
    public Timer timeLeft(Duration invertedInEarlierHolds, Instant holdStartedAt, Instant now) {
        Duration held = holdStartedAt == null ? Duration.ZERO : atLeastZero(Duration.between(holdStartedAt, now));
        Duration sessionLeft = atLeastZero(totalCeiling().minus(invertedInEarlierHolds).minus(held));
        Duration holdLeft = atLeastZero(holdCeiling().minus(held));
        return new Timer(holdLeft.compareTo(sessionLeft) < 0 ? holdLeft : sessionLeft, sessionLeft);
    }

    private Optional<Refusal> angleRefused(String slug, String why) {
        return refuse(slug, "angleDegrees", why + " Keep the angle between 0 and " + angleCeilingDegrees() + " degrees for this patient now.");
    }

    private Optional<Refusal> holdRefused(String slug, String why) {
        return refuse(slug, "holdSeconds", why + " A hold may last at most " + seconds(holdCeiling()) + " s for this patient.");
    }

    private Optional<Refusal> totalRefused(String slug, String why) {
        return refuse(slug, "totalInvertedSeconds", why + " The session may have at most " + seconds(totalCeiling())
                + " s inverted for this patient.");
    }

    private static Optional<Refusal> refuse(String slug, String field, String detail) {
        return Optional.of(new Refusal(REFUSED, slug, field, detail));
    }

    private static Duration atLeastZero(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    /** Whole seconds, a started second counting: 180.2 s is shown as 181 s, which is what broke the limit. */
    private static long seconds(Duration duration) {
        long whole = duration.getSeconds();
        return duration.getNano() > 0 ? whole + 1 : whole;
    }
}
