package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.spotter.session.domain.Adherence.Week;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AdherenceTest {

    private static final Instant FIRST = Instant.parse("2026-06-01T09:00:00Z");

    private static Instant day(double days) {
        return FIRST.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    @Test
    void withNoSessionThereAreNoWeeksAndNoRate() {
        Adherence adherence = Adherence.of(List.of(), 3, FIRST);

        assertThat(adherence.weeks()).isEmpty();
        assertThat(adherence.percent()).isEmpty();
    }

    @Test
    void twoCompleteWeeksCountSessionsDoneAgainstPlanned() {
        List<Instant> done = List.of(day(0), day(2), day(4), day(7), day(9));
        Adherence adherence = Adherence.of(done, 3, day(14));

        assertThat(adherence.weeks()).extracting(Week::number, Week::done, Week::planned, Week::complete)
                .containsExactly(tuple(1, 3, 3, true), tuple(2, 2, 3, true),
                        tuple(3, 0, 3, false));
        assertThat(adherence.done()).isEqualTo(5);
        assertThat(adherence.planned()).isEqualTo(6);
        assertThat(adherence.percent()).hasValue(83);
    }

    @Test
    void theWeekUnderWayIsListedButNotCounted() {
        Adherence adherence = Adherence.of(List.of(day(0), day(2), day(4), day(8)), 3, day(10));

        assertThat(adherence.weeks()).hasSize(2);
        assertThat(adherence.weeks().get(1)).extracting(Week::done, Week::complete).containsExactly(1, false);
        assertThat(adherence.percent()).hasValue(100);
    }

    @Test
    void thereIsNoRateUntilTheFirstWeekIsComplete() {
        Adherence adherence = Adherence.of(List.of(day(0), day(3)), 3, day(6.9));

        assertThat(adherence.weeks()).singleElement().extracting(Week::done, Week::complete).containsExactly(2, false);
        assertThat(adherence.percent()).isEmpty();
    }

    @Test
    void aSessionExactlySevenDaysAfterTheFirstBelongsToTheSecondWeek() {
        Adherence adherence = Adherence.of(List.of(day(0), day(7)), 2, day(14));

        assertThat(adherence.weeks()).extracting(Week::done).containsExactly(1, 1, 0);
        assertThat(adherence.weeks().get(1).startsAt()).isEqualTo(day(7));
    }

    @Test
    void extraSessionsInOneWeekDoNotMakeUpForAMissedWeek() {
        List<Instant> done = IntStream.range(0, 5).mapToObj(i -> day(i)).toList();
        Adherence adherence = Adherence.of(done, 3, day(14));

        assertThat(adherence.weeks()).extracting(Week::done).containsExactly(5, 0, 0);
        assertThat(adherence.done()).isEqualTo(3);
        assertThat(adherence.percent()).hasValue(50);
    }

    @Test
    void sessionsAreCountedWhateverTheOrderGivenAndFutureOnesIgnored() {
        Adherence adherence = Adherence.of(List.of(day(4), day(0), day(2), day(30)), 3, day(7));

        assertThat(adherence.weeks()).extracting(Week::done).containsExactly(3, 0);
        assertThat(adherence.percent()).hasValue(100);
    }

    @Test
    void aPlanOfNoSessionsAWeekIsRejected() {
        assertThatThrownBy(() -> Adherence.of(List.of(FIRST), 0, FIRST)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("plannedPerWeek");
    }
}
