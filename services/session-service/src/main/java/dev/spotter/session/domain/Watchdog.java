package dev.spotter.session.domain;

import dev.spotter.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The watchdogs of the clinical rules, section 4: nobody is left inverted past their hold, nor on a table whose tablet went silent. */
public final class Watchdog {

    public static final Duration OVERDUE = Duration.ofSeconds(60);
    public static final Duration OVERDUE_ESCALATED = Duration.ofSeconds(120);
    public static final Duration HARD_HOLD_LIMIT = Duration.ofSeconds(SessionStartRules.MAX_HOLD_SECONDS);
    public static final Duration SILENCE = Duration.ofSeconds(45);

    /** What a watchdog alert is about, with its priority. */
    public enum Kind {
        HOLD_OVERDUE(Priority.MEDIUM), HOLD_ESCALATED(Priority.HIGH), TABLET_SILENT(Priority.HIGH);

        private final Priority priority;

        Kind(Priority priority) {
            this.priority = priority;
        }

        public Priority priority() {
            return priority;
        }
    }

    /** The hold under way: when it started, how long it was planned to last, and the tablet's last heartbeat (null: none yet). */
    public record Hold(Instant startedAt, Duration planned, Instant lastHeartbeat) {

        public Hold {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(planned, "planned");
            if (planned.isNegative()) {
                throw new IllegalArgumentException("planned hold must not be negative, was " + planned);
            }
        }
    }

    /** What identifies a watchdog alert, and what a scheduler stores once it is raised: a new hold or a new silence has a new {@code dueAt}. */
    public record Key(Kind kind, Instant dueAt) {
    }

    /** An alert due from {@code dueAt}. */
    public record Due(Kind kind, Instant dueAt, Alert alert) {

        public Key key() {
            return new Key(kind, dueAt);
        }
    }

    private Watchdog() {
    }

    /**
     * Every alert due at {@code now}, earliest first; none when no hold is under way (null). Once the HIGH hold
     * alert is due the MEDIUM one is left out, so a late wake-up does not raise a stale, lesser alert beside it.
     */
    public static List<Due> due(Hold hold, Instant now) {
        List<Due> due = deadlines(hold).stream().filter(deadline -> !deadline.dueAt().isAfter(now)).toList();
        boolean escalated = due.stream().anyMatch(deadline -> deadline.kind() == Kind.HOLD_ESCALATED);
        return due.stream().filter(deadline -> !(escalated && deadline.kind() == Kind.HOLD_OVERDUE)).toList();
    }

    /** The alerts due at {@code now} that were not raised yet: calling again with what was raised returns nothing twice. */
    public static List<Due> toRaise(Hold hold, Instant now, Collection<Key> alreadyRaised) {
        return due(hold, now).stream().filter(deadline -> !alreadyRaised.contains(deadline.key())).toList();
    }

    /** The earliest instant after {@code now} at which something new becomes due, for a scheduler to wake at; empty: nothing will. */
    public static Optional<Instant> nextDeadline(Hold hold, Instant now) {
        return deadlines(hold).stream().map(Due::dueAt).filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
    }

    /**
     * Every alert this hold can raise, with when it falls due. The HIGH hold alert falls at planned + 120 s or at the
     * 3-minute hard limit, whichever comes first; a MEDIUM that would not come before it is never due.
     */
    private static List<Due> deadlines(Hold hold) {
        if (hold == null) {
            return List.of();
        }
        List<Due> deadlines = new ArrayList<>();
        Due escalated = escalation(hold);
        Instant overdueAt = hold.startedAt().plus(hold.planned()).plus(OVERDUE);
        if (overdueAt.isBefore(escalated.dueAt())) {
            deadlines.add(due(Kind.HOLD_OVERDUE, overdueAt, "watchdog-hold-overdue", "The patient is still inverted "
                    + OVERDUE.toSeconds() + " s past the planned hold of " + hold.planned().toSeconds() + " s: bring the table to horizontal now."));
        }
        deadlines.add(escalated);
        deadlines.add(silence(hold));
        deadlines.sort(Comparator.comparing(Due::dueAt));
        return deadlines;
    }

    private static Due escalation(Hold hold) {
        Instant overdueAt = hold.startedAt().plus(hold.planned()).plus(OVERDUE_ESCALATED);
        Instant limitAt = hold.startedAt().plus(HARD_HOLD_LIMIT);
        if (overdueAt.isBefore(limitAt)) {
            return due(Kind.HOLD_ESCALATED, overdueAt, "watchdog-hold-overdue", "The patient is still inverted "
                    + OVERDUE_ESCALATED.toSeconds() + " s past the planned hold of " + hold.planned().toSeconds() + " s: go to the table now.");
        }
        return due(Kind.HOLD_ESCALATED, limitAt, "watchdog-hold-limit", "The patient has been inverted "
                + HARD_HOLD_LIMIT.toSeconds() + " s, the hard limit for one hold: go to the table now and bring it to horizontal.");
    }

    /** The hold's start came from the tablet too, so silence counts from the later of it and the last heartbeat. */
    private static Due silence(Hold hold) {
        Instant lastSign = hold.lastHeartbeat() == null || hold.lastHeartbeat().isBefore(hold.startedAt())
                ? hold.startedAt() : hold.lastHeartbeat();
        return due(Kind.TABLET_SILENT, lastSign.plus(SILENCE), "watchdog-tablet-silent", "No heartbeat from the tablet for "
                + SILENCE.toSeconds() + " s while the patient is inverted: go to the table now; the screen may be frozen.");
    }

    private static Due due(Kind kind, Instant dueAt, String cause, String reason) {
        return new Due(kind, dueAt, new Alert(kind.priority(), cause, reason));
    }
}
