package dev.spotter.session.domain;

import dev.spotter.events.screening.ProtocolPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Suggests the next session's angle and hold from the last session and the plan (clinical rules, section 2, design). */
public final class Progression {

    // One thing changes per session, in an order read from the dose itself so no history is needed: the hold
    // grows first, up to the top of the start-hold range (30-120 s), so the patient learns to hold before the
    // table tips further; then the angle, up to the ceiling that applies; then the hold again, up to
    // the plan's longest. Steps are the smallest the rules allow, and a step that would pass a ceiling stops at it.
    public static final int HOLD_FIRST_UP_TO_SECONDS = 120;
    public static final int ANGLE_STEP_DEGREES = 5;
    public static final int HOLD_STEP_SECONDS = 30;

    // Stepping back lowers the angle first, as the angle is what puts the head below the heart,
    // then the hold, and never below the bottom of the allowed start ranges (15 degrees, 30 s).
    public static final int LOWEST_ANGLE_DEGREES = 15;
    public static final int LOWEST_HOLD_SECONDS = 30;

    /** What the last session showed. Pain is NRS 0-10 before and after it. */
    public record LastSession(int angleDegrees, int holdSeconds, boolean hadStopSymptom, int painBefore, int painAfter,
                              boolean postSessionBpPassed, boolean dizzyOnRising) {

        public LastSession {
            if (angleDegrees < 0) {
                throw new IllegalArgumentException("angleDegrees must not be negative, was " + angleDegrees);
            }
            if (holdSeconds < 0) {
                throw new IllegalArgumentException("holdSeconds must not be negative, was " + holdSeconds);
            }
            Outcomes.requirePainScore(painBefore, "painBefore");
            Outcomes.requirePainScore(painAfter, "painAfter");
        }
    }

    /** What changed from the last session's dose. */
    public enum Change { INCREASE_HOLD, INCREASE_ANGLE, REPEAT, STEP_BACK, LOWER_TO_CEILING }

    /** The suggested dose, what changed, whether to bring the patient up more slowly, and why, in plain words. */
    public record Suggestion(int angleDegrees, int holdSeconds, Change change, boolean slowerReturn, String reason) {

        Suggestion withSlowerReturn() {
            return new Suggestion(angleDegrees, holdSeconds, change, true,
                    reason + " Bring the patient up more slowly: they were dizzy on rising last time.");
        }
    }

    private Progression() {
    }

    /** The suggestion for a session at {@code nextSessionAt}; the first-two-weeks ceiling is judged at that moment. */
    public static Suggestion next(LastSession last, ProtocolPlan plan, Instant firstSessionAt, Instant nextSessionAt) {
        Objects.requireNonNull(plan, "plan");
        Dose ceiling = new Dose(SessionStartRules.angleCeiling(plan, firstSessionAt, nextSessionAt), holdCeiling(plan));
        Suggestion suggestion = decide(last, ceiling, plan);
        return last.dizzyOnRising() ? suggestion.withSlowerReturn() : suggestion;
    }

    private static Suggestion decide(LastSession last, Dose ceiling, ProtocolPlan plan) {
        Dose lastDose = new Dose(last.angleDegrees(), last.holdSeconds());
        // a plan lowered since the last session binds at once, whatever the last session showed
        Dose start = lastDose.within(ceiling);
        List<String> harms = harms(last);
        if (!harms.isEmpty()) {
            return stepBack(lastDose, start.stepBack(plan), harms);
        }
        if (!start.equals(lastDose)) {
            return start.suggested(Change.LOWER_TO_CEILING, "Down from " + lastDose.asText() + " to the ceiling that applies now.");
        }
        if (!last.postSessionBpPassed()) {
            return start.suggested(Change.REPEAT, "Repeat " + start.asText()
                    + ": the post-session blood pressure check did not pass, so the dose is not proven yet.");
        }
        return stepUp(start, start.stepUp(ceiling), ceiling);
    }

    /** What shows the dose was too much, so it steps back; a failed BP check alone only repeats, as its alert already called a clinician. */
    private static List<String> harms(LastSession last) {
        List<String> harms = new ArrayList<>();
        if (last.hadStopSymptom()) {
            harms.add("the last session had a stop-symptom");
        }
        if (last.painAfter() > last.painBefore() + 1) {
            harms.add("pain rose from " + last.painBefore() + " to " + last.painAfter() + ", more than 1 point");
        }
        return harms;
    }

    private static Suggestion stepBack(Dose from, Dose to, List<String> harms) {
        String because = String.join(" and ", harms);
        if (to.equals(from)) {
            return to.suggested(Change.REPEAT, "Repeat " + from.asText() + ", already the lowest dose, although " + because
                    + ": a clinician should review the patient before going on.");
        }
        return to.suggested(Change.STEP_BACK, "Step back from " + from.asText() + " to " + to.asText() + ": " + because + ".");
    }

    private static Suggestion stepUp(Dose from, Dose to, Dose ceiling) {
        String proven = ": no stop-symptom, pain within 1 point, blood pressure check passed.";
        if (to.equals(from)) {
            return to.suggested(Change.REPEAT, "Repeat " + from.asText() + ": the ceilings that apply now are reached ("
                    + ceiling.angle() + " degrees, " + ceiling.hold() + " s).");
        }
        if (to.angle() > from.angle()) {
            return to.suggested(Change.INCREASE_ANGLE, "Angle up from " + from.angle() + " to " + to.angle() + " degrees at "
                    + to.hold() + " s" + proven);
        }
        return to.suggested(Change.INCREASE_HOLD, "Hold up from " + from.hold() + " s to " + to.hold() + " s at "
                + to.angle() + " degrees" + proven);
    }

    /** The longest single hold the plan and the hard limits allow, never more than a whole session's inverted time. */
    private static int holdCeiling(ProtocolPlan plan) {
        int hold = Math.min(plan.maxHoldSeconds(), SessionStartRules.MAX_HOLD_SECONDS);
        return Math.min(hold, Math.min(plan.maxTotalSecondsPerSession(), InversionLimits.MAX_TOTAL_SECONDS));
    }

    /** An angle in degrees and a hold in seconds. */
    private record Dose(int angle, int hold) {

        Dose within(Dose ceiling) {
            return new Dose(Math.min(angle, ceiling.angle), Math.min(hold, ceiling.hold));
        }

        Dose stepUp(Dose ceiling) {
            int holdFirst = Math.min(HOLD_FIRST_UP_TO_SECONDS, ceiling.hold);
            if (hold < holdFirst) {
                return new Dose(angle, Math.min(hold + HOLD_STEP_SECONDS, holdFirst));
            }
            if (angle < ceiling.angle) {
                return new Dose(Math.min(angle + ANGLE_STEP_DEGREES, ceiling.angle), hold);
            }
            return new Dose(angle, Math.min(hold + HOLD_STEP_SECONDS, ceiling.hold));
        }

        Dose stepBack(ProtocolPlan plan) {
            int lowestAngle = Math.min(LOWEST_ANGLE_DEGREES, plan.startAngleDegrees());
            if (angle > lowestAngle) {
                return new Dose(Math.max(angle - ANGLE_STEP_DEGREES, lowestAngle), hold);
            }
            int lowestHold = Math.min(LOWEST_HOLD_SECONDS, plan.startHoldSeconds());
            return new Dose(angle, hold > lowestHold ? Math.max(hold - HOLD_STEP_SECONDS, lowestHold) : hold);
        }

        Suggestion suggested(Change change, String reason) {
            return new Suggestion(angle, hold, change, false, reason);
        }

        String asText() {
            return angle + " degrees for " + hold + " s";
        }
    }
}
