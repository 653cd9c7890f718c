package dev.spotter.session.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Outcomes over 8 weeks (clinical rules, section 6): whether a patient responds, and whether they deteriorate. */
public final class Outcomes {

    public static final int RESPONDER_PAIN_POINTS = 2;
    public static final int RESPONDER_ODI_POINTS = 10;
    public static final int RESPONDER_PERCENT = 30;
    public static final int DETERIORATION_PAIN_POINTS = 2;

    /** Pain NRS 0-10 before and after one session. */
    public record SessionPain(Instant at, int before, int after) {

        public SessionPain {
            Objects.requireNonNull(at, "at");
            requirePainScore(before, "painBefore");
            requirePainScore(after, "painAfter");
        }
    }

    /** Oswestry Disability Index 0-100 at baseline, week 4 and week 8; null until taken. */
    public record Odi(Integer baseline, Integer week4, Integer week8) {

        public Odi {
            requireOdi(baseline, "odiBaseline");
            requireOdi(week4, "odiWeek4");
            requireOdi(week8, "odiWeek8");
        }

        /** The latest score after baseline: week 8 once taken, else week 4. */
        Integer latest() {
            return week8 != null ? week8 : week4;
        }
    }

    /** Which responder criterion held. */
    public enum Criterion { PAIN_DOWN_2_POINTS, PAIN_DOWN_30_PERCENT, ODI_DOWN_10_POINTS, ODI_DOWN_30_PERCENT }

    /** The criteria that held (none: not a responder), and the changes in plain words. */
    public record Response(List<Criterion> criteriaMet, String reason) {

        public boolean responder() {
            return !criteriaMet.isEmpty();
        }
    }

    /** Whether the plan pauses for clinician review, and why. */
    public record Deterioration(boolean pausePlan, String reason) {
    }

    private Outcomes() {
    }

    /**
     * Pain counts by the score before each session, first session against latest, so a responder's relief is
     * the standing level and not the after-effect of the table. ODI counts baseline against the latest follow-up.
     */
    public static Response response(List<SessionPain> sessions, Odi odi) {
        List<SessionPain> ordered = inOrder(sessions);
        List<Criterion> met = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        if (ordered.size() >= 2) {
            int baseline = ordered.getFirst().before();
            int latest = ordered.getLast().before();
            judge(baseline, latest, RESPONDER_PAIN_POINTS, Criterion.PAIN_DOWN_2_POINTS, Criterion.PAIN_DOWN_30_PERCENT, met);
            changes.add("pain before sessions from " + baseline + " to " + latest);
        }
        if (odi != null && odi.baseline() != null && odi.latest() != null) {
            judge(odi.baseline(), odi.latest(), RESPONDER_ODI_POINTS, Criterion.ODI_DOWN_10_POINTS, Criterion.ODI_DOWN_30_PERCENT, met);
            changes.add("ODI from " + odi.baseline() + " to " + odi.latest());
        }
        return new Response(List.copyOf(met), responseReason(met, changes));
    }

    /**
     * The last two sessions after the first each had a pain score (before or after, whichever is higher) at least
     * 2 points above the first session's score before it. Either score counts: a review is cheap, a missed decline is not.
     */
    public static Deterioration deterioration(List<SessionPain> sessions) {
        List<SessionPain> ordered = inOrder(sessions);
        if (ordered.size() < 3) {
            return new Deterioration(false, "Not enough sessions yet: deterioration needs two sessions after the first.");
        }
        int baseline = ordered.getFirst().before();
        List<Integer> lastTwo = ordered.subList(ordered.size() - 2, ordered.size()).stream().map(Outcomes::worse).toList();
        boolean worse = lastTwo.stream().allMatch(score -> score >= baseline + DETERIORATION_PAIN_POINTS);
        String scores = "pain in the last two sessions was " + lastTwo.get(0) + " and " + lastTwo.get(1) + ", baseline " + baseline;
        return worse
                ? new Deterioration(true, "Pause the plan for clinician review: " + scores + ", both 2 or more points above baseline.")
                : new Deterioration(false, "No deterioration: " + scores + ".");
    }

    /** A pain score must be NRS 0-10; {@code field} names the input in the message. */
    static int requirePainScore(int score, String field) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException(field + " must be a pain score from 0 to 10 (NRS), was " + score);
        }
        return score;
    }

    private static void requireOdi(Integer score, String field) {
        if (score != null && (score < 0 || score > 100)) {
            throw new IllegalArgumentException(field + " must be an Oswestry Disability Index from 0 to 100, was " + score);
        }
    }

    private static void judge(int baseline, int latest, int points, Criterion byPoints, Criterion byPercent, List<Criterion> met) {
        int drop = baseline - latest;
        if (drop >= points) {
            met.add(byPoints);
        }
        // in whole numbers, so exactly 30 % counts: 20 to 14 is a drop of 6, and 6 * 100 = 20 * 30
        if (drop > 0 && drop * 100 >= baseline * RESPONDER_PERCENT) {
            met.add(byPercent);
        }
    }

    private static String responseReason(List<Criterion> met, List<String> changes) {
        String measured = changes.isEmpty() ? "nothing to compare yet" : String.join("; ", changes);
        if (met.isEmpty()) {
            return "Not a responder yet (" + measured + "): a responder needs pain down 2 points, ODI down 10 points, "
                    + "or either down 30 % from baseline.";
        }
        return "Responder (" + measured + "), by " + String.join(", ", met.stream().map(Outcomes::spoken).toList()) + ".";
    }

    private static String spoken(Criterion criterion) {
        return switch (criterion) {
            case PAIN_DOWN_2_POINTS -> "pain down 2 points or more";
            case PAIN_DOWN_30_PERCENT -> "pain down 30 % or more";
            case ODI_DOWN_10_POINTS -> "ODI down 10 points or more";
            case ODI_DOWN_30_PERCENT -> "ODI down 30 % or more";
        };
    }

    private static int worse(SessionPain session) {
        return Math.max(session.before(), session.after());
    }

    private static List<SessionPain> inOrder(List<SessionPain> sessions) {
        return sessions.stream().sorted(Comparator.comparing(SessionPain::at)).toList();
    }
}
