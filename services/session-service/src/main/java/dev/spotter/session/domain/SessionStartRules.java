package dev.spotter.session.domain;

import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.ProtocolPlan;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * May this session start? Only for a patient whose screening (or clearance) currently clears
 * them, within their protocol plan and the hard limits of the clinical rules, section 2.
 */
public final class SessionStartRules {

    /** The hard limits no plan may exceed. */
    public static final int MAX_ANGLE_DEGREES = 60;
    public static final int MAX_HOLD_SECONDS = 180;
    public static final int FIRST_WEEKS_MAX_ANGLE_DEGREES = 30;
    public static final int MAX_SESSIONS_PER_WEEK = 4;
    public static final Duration FIRST_WEEKS = Duration.ofDays(14);
    /** The window of the sessions-a-week limit: the seven days before the start. */
    public static final Duration WEEK = Duration.ofDays(7);

    /** What the decision needs: the patient's eligibility and plan, their history, and what staff asked for. */
    public record Request(PatientEligibility eligibility, ProtocolPlan plan, Instant firstSessionAt, long sessionsInLastSevenDays,
                          int angleDegrees, int holdSeconds, Instant now) {
    }

    /** Why a start is refused: HTTP status (409 state, 422 input), a stable slug, the input at fault, and what to do. */
    public record Refusal(int status, String slug, String field, String detail) {
    }

    private SessionStartRules() {
    }

    /** Every reason to refuse the start, the most fundamental first; empty when the session may start. */
    public static List<Refusal> refusals(Request request) {
        List<Refusal> refusals = new ArrayList<>(eligibilityRefusals(request));
        if (!refusals.isEmpty()) {
            return refusals;
        }
        if (request.plan() == null) {
            return List.of(new Refusal(409, "no-plan", "patientId", "The patient has no protocol plan yet: ask a clinician to set one."));
        }
        refusals.addAll(planRefusals(request));
        return refusals;
    }

    /** The angle ceiling that applies now: the first-two-weeks ceiling until two weeks after the first session. */
    public static int angleCeiling(ProtocolPlan plan, Instant firstSessionAt, Instant now) {
        boolean firstWeeks = firstSessionAt == null || now.isBefore(firstSessionAt.plus(FIRST_WEEKS));
        int planCeiling = firstWeeks
                ? Math.min(Math.min(plan.firstTwoWeeksCeilingDegrees(), FIRST_WEEKS_MAX_ANGLE_DEGREES), plan.maxAngleDegrees())
                : plan.maxAngleDegrees();
        return Math.min(planCeiling, MAX_ANGLE_DEGREES);
    }

    private static List<Refusal> eligibilityRefusals(Request request) {
        PatientEligibility eligibility = request.eligibility();
        if (eligibility == null) {
            return List.of(new Refusal(409, "screening-required", "patientId",
                    "The patient has not been screened: complete the screening questionnaire first."));
        }
        if (!eligibility.eligible()) {
            String reasons = eligibility.blockingReasons().stream().map(r -> r.ruleId() + ": " + r.text())
                    .collect(Collectors.joining(" "));
            return List.of(new Refusal(409, "not-cleared", "patientId", "The patient is not cleared for inversion ("
                    + eligibility.effectiveOutcome() + "). " + reasons + whatToDo(eligibility.effectiveOutcome())));
        }
        if (!request.now().isBefore(eligibility.eligibleUntil())) {
            return List.of(new Refusal(409, "screening-expired", "patientId", "The screening or a clearance it relies on expired at "
                    + eligibility.eligibleUntil().truncatedTo(ChronoUnit.MINUTES) + ": screen the patient again or record a new clearance."));
        }
        return List.of();
    }

    private static List<Refusal> planRefusals(Request request) {
        ProtocolPlan plan = request.plan();
        List<Refusal> refusals = new ArrayList<>();
        int ceiling = angleCeiling(plan, request.firstSessionAt(), request.now());
        if (request.angleDegrees() <= 0 || request.angleDegrees() > ceiling) {
            refusals.add(new Refusal(422, "outside-plan", "angleDegrees", "The angle must be between 1 and " + ceiling
                    + " degrees for this patient now (plan and hard limits); " + request.angleDegrees() + " was asked."));
        }
        int maxHold = Math.min(plan.maxHoldSeconds(), MAX_HOLD_SECONDS);
        if (request.holdSeconds() <= 0 || request.holdSeconds() > maxHold) {
            refusals.add(new Refusal(422, "outside-plan", "holdSeconds", "The hold must be between 1 and " + maxHold
                    + " seconds; " + request.holdSeconds() + " was asked."));
        }
        int maxPerWeek = Math.min(plan.maxSessionsPerWeek(), MAX_SESSIONS_PER_WEEK);
        if (request.sessionsInLastSevenDays() >= maxPerWeek) {
            refusals.add(new Refusal(409, "weekly-limit", "patientId", "The patient already had " + request.sessionsInLastSevenDays()
                    + " sessions in the last 7 days; at most " + maxPerWeek + " are allowed."));
        }
        return refusals;
    }

    private static String whatToDo(String outcome) {
        return "NEEDS_CLEARANCE".equals(outcome)
                ? " Record a physician's clearance for these reasons, then start again."
                : " Inversion is not safe for this patient: do not start; tell a clinician.";
    }
}
