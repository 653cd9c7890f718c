package dev.spotter.session.domain;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import dev.spotter.events.Priority;
import dev.spotter.session.domain.SessionStartRules.Refusal;
import java.util.Objects;
import java.util.Optional;

/** The blood pressure taken before every session, judged by the screening BP rule (clinical rules, sections 1 and 5). */
public final class PreSessionCheck {

    private static final int BLOCKED = 409;
    private static final String FIELD = "bloodPressure";

    /**
     * Today's seated reading; whether a current physician's clearance covers blood pressure; the lowest BP ceiling of the
     * clearances relied on (null when none names one); and whether the clinic requires a clearance for stage 1.
     */
    public record Request(BloodPressure bp, boolean clearanceCoversBp, BloodPressure clearanceCeiling, boolean stage1NeedsClearance) {

        public Request {
            Objects.requireNonNull(bp, "bp");
        }
    }

    /** The reading's category, the refusal when the session may not start, and an alert when staff must act now. */
    public record Decision(BpCategory category, Optional<Refusal> refusal, Optional<Alert> alert) {

        public boolean mayStart() {
            return refusal.isEmpty();
        }
    }

    private PreSessionCheck() {
    }

    public static Decision judge(Request request) {
        BloodPressure bp = request.bp();
        BpCategory category = BpCategory.of(bp);
        if (category == BpCategory.CRISIS) {
            return crisis(bp);
        }
        // a physician's ceiling holds whatever the category and whichever reason the clearance was relied on for
        if (request.clearanceCeiling() != null && !bp.atOrBelow(request.clearanceCeiling())) {
            return blocked(category, "bp-above-ceiling", "Blood pressure " + bp.asText() + " is above the clearance's ceiling of "
                    + request.clearanceCeiling().asText() + ": no session at this reading. A recheck after 5 minutes may count.");
        }
        return byCategory(category, request);
    }

    private static Decision crisis(BloodPressure bp) {
        String reason = "Blood pressure " + bp.asText()
                + " is 180/120 or above: no session today. Keep the patient seated and tell a clinician now.";
        return new Decision(BpCategory.CRISIS, refusal("bp-crisis", reason), Optional.of(new Alert(Priority.HIGH, "bp-crisis", reason)));
    }

    private static Decision byCategory(BpCategory category, Request request) {
        String reading = "Blood pressure " + request.bp().asText();
        return switch (category) {
            case STAGE_2 -> request.clearanceCoversBp() ? allowed(category) : blocked(category, "bp-needs-clearance",
                    reading + " is stage 2 (140-179/90-119): a physician's clearance for blood pressure is needed.");
            case STAGE_1 -> !request.stage1NeedsClearance() || request.clearanceCoversBp() ? allowed(category) : blocked(category,
                    "bp-needs-clearance", reading + " is stage 1 (130-139/80-89): this clinic needs a physician's clearance for blood pressure.");
            default -> allowed(category);
        };
    }

    private static Decision allowed(BpCategory category) {
        return new Decision(category, Optional.empty(), Optional.empty());
    }

    private static Decision blocked(BpCategory category, String slug, String reason) {
        return new Decision(category, refusal(slug, reason), Optional.empty());
    }

    private static Optional<Refusal> refusal(String slug, String reason) {
        return Optional.of(new Refusal(BLOCKED, slug, FIELD, reason));
    }
}
