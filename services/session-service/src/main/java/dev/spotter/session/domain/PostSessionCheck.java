package dev.spotter.session.domain;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import dev.spotter.events.Priority;
import dev.spotter.session.domain.SessionStartRules.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** After the session (clinical rules, section 5): the blood pressure about 3 minutes upright, and no standing before 3 minutes sitting. */
public final class PostSessionCheck {

    public static final Duration SITTING_BEFORE_STANDING = Duration.ofMinutes(3);
    public static final Duration RECHECK_AFTER_UPRIGHT = Duration.ofMinutes(5);
    public static final int SYSTOLIC_RISE_MMHG = 20;

    /** The alert the reading raises (none: the check passed), and when a recheck is due, if one is. */
    public record Result(Optional<Alert> alert, Optional<Instant> recheckDueAt) {

        public boolean passed() {
            return alert.isEmpty();
        }
    }

    private PostSessionCheck() {
    }

    /**
     * {@code after} is the reading about 3 minutes after coming upright at {@code uprightAt}. When the reading is
     * 180/120 or above and also risen, staff get one HIGH alert that names both, not two alerts, and the recheck still stands.
     */
    public static Result judge(BloodPressure before, BloodPressure after, Instant uprightAt) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(uprightAt, "uprightAt");
        int rise = after.systolic() - before.systolic();
        Optional<Instant> recheck = rise > SYSTOLIC_RISE_MMHG ? Optional.of(uprightAt.plus(RECHECK_AFTER_UPRIGHT)) : Optional.empty();
        String risen = recheck.map(at -> " Systolic is " + rise + " mmHg above the " + before.asText() + " before the session:"
                + " recheck at 5 minutes upright (" + at + ").").orElse("");
        String reading = "Blood pressure " + after.asText() + " after the session";
        if (BpCategory.of(after) == BpCategory.CRISIS) {
            return new Result(Optional.of(new Alert(Priority.HIGH, "post-session-bp-crisis", reading
                    + " is 180/120 or above: keep the patient seated and tell a clinician now." + risen)), recheck);
        }
        if (recheck.isPresent()) {
            return new Result(Optional.of(new Alert(Priority.MEDIUM, "post-session-bp-rise", reading + "." + risen)), recheck);
        }
        return new Result(Optional.empty(), Optional.empty());
    }

    /** Refuses "stand up" until the patient has sat {@link #SITTING_BEFORE_STANDING} since sitting up at {@code satUpAt}. */
    public static Optional<Refusal> standUp(Instant satUpAt, Instant now) {
        Duration sat = Duration.between(satUpAt, now);
        if (sat.compareTo(SITTING_BEFORE_STANDING) >= 0) {
            return Optional.empty();
        }
        Instant mayStandAt = satUpAt.plus(SITTING_BEFORE_STANDING);
        return Optional.of(new Refusal(409, "sit-longer", "standUp", "The patient has sat for " + Math.max(0, sat.toSeconds())
                + " s: keep them sitting at least 3 minutes before standing, until " + mayStandAt + ", so blood and eye pressure settle."));
    }
}
