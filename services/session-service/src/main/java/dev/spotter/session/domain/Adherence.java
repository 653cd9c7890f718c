package dev.spotter.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Adherence (clinical rules, section 6): sessions done against sessions planned, week by week since the first session. */
public record Adherence(List<Week> weeks) {

    public static final Duration WEEK = Duration.ofDays(7);

    /** Week {@code number} (1 is the week of the first session) from {@code startsAt}; the week under way is not complete. */
    public record Week(int number, Instant startsAt, int done, int planned, boolean complete) {
    }

    public Adherence {
        weeks = List.copyOf(weeks);
    }

    /** Weeks run from the first session done; sessions after {@code now} are not done yet and are ignored. */
    public static Adherence of(List<Instant> sessionsDone, int plannedPerWeek, Instant now) {
        if (plannedPerWeek < 1) {
            throw new IllegalArgumentException("plannedPerWeek must be at least 1, was " + plannedPerWeek);
        }
        List<Instant> done = sessionsDone.stream().map(Objects::requireNonNull).filter(at -> !at.isAfter(now)).sorted().toList();
        if (done.isEmpty()) {
            return new Adherence(List.of());
        }
        Instant first = done.getFirst();
        int weeksSoFar = (int) (Duration.between(first, now).toMillis() / WEEK.toMillis()) + 1;
        return new Adherence(IntStream.range(0, weeksSoFar).mapToObj(i -> week(i, first, done, plannedPerWeek, now)).toList());
    }

    /** Sessions done in complete weeks; extra sessions in one week do not make up for a week missed. */
    public int done() {
        return complete().mapToInt(week -> Math.min(week.done(), week.planned())).sum();
    }

    /** Sessions planned in complete weeks: the week under way would count sessions not yet due. */
    public int planned() {
        return complete().mapToInt(Week::planned).sum();
    }

    /** Done against planned in whole percent, rounded down; empty until a week is complete. */
    public OptionalInt percent() {
        return planned() == 0 ? OptionalInt.empty() : OptionalInt.of(done() * 100 / planned());
    }

    private Stream<Week> complete() {
        return weeks.stream().filter(Week::complete);
    }

    private static Week week(int index, Instant first, List<Instant> done, int planned, Instant now) {
        Instant start = first.plus(WEEK.multipliedBy(index));
        Instant end = start.plus(WEEK);
        int count = (int) done.stream().filter(at -> !at.isBefore(start) && at.isBefore(end)).count();
        return new Week(index + 1, start, count, planned, !end.isAfter(now));
    }
}
