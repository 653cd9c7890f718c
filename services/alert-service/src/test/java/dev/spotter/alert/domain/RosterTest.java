package dev.spotter.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.alert.domain.EscalationPolicy.Target;
import dev.spotter.alert.domain.Roster.Gap;
import dev.spotter.alert.domain.Roster.Role;
import dev.spotter.alert.domain.Roster.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** On-call rosters in the clinic's time zone; London changes its clocks on 29 March and 25 October 2026. */
class RosterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Roster roster(Shift... shifts) {
        return new Roster(LONDON, List.of(shifts), Optional.of("dr.lead"), Set.of("dr.b", "dr.a", "dr.lead"));
    }

    private static Shift primary(String who, String start, String end) {
        return new Shift(who, Role.PRIMARY, LocalDateTime.parse(start), LocalDateTime.parse(end));
    }

    @Test
    void aNightShiftOverSpringForwardKeepsItsWallClockTimesAndIsAnHourShorter() {
        Roster roster = roster(primary("dr.a", "2026-03-28T22:00", "2026-03-29T07:00"));

        Instant start = roster.instantOf(LocalDateTime.parse("2026-03-28T22:00"));
        Instant end = roster.instantOf(LocalDateTime.parse("2026-03-29T07:00"));
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(8));
        assertThat(end).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(roster.onCall(Role.PRIMARY, end.minusSeconds(1))).containsExactly("dr.a");
        assertThat(roster.onCall(Role.PRIMARY, end)).isEmpty();
    }

    @Test
    void aNightShiftOverFallBackIsAnHourLongerAndCoversTheRepeatedHour() {
        Roster roster = roster(primary("dr.a", "2026-10-24T22:00", "2026-10-25T07:00"));

        Instant start = roster.instantOf(LocalDateTime.parse("2026-10-24T22:00"));
        Instant end = roster.instantOf(LocalDateTime.parse("2026-10-25T07:00"));
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(10));
        // 01:30 happens twice that night: at 00:30 and at 01:30 UTC; the shift covers both
        assertThat(roster.onCall(Role.PRIMARY, Instant.parse("2026-10-25T00:30:00Z"))).containsExactly("dr.a");
        assertThat(roster.onCall(Role.PRIMARY, Instant.parse("2026-10-25T01:30:00Z"))).containsExactly("dr.a");
    }

    @Test
    void aShiftEndingInTheRepeatedHourEndsAtItsLaterOccurrenceSoTheHandOverLeavesNoHole() {
        Roster roster = roster(primary("dr.a", "2026-10-24T18:00", "2026-10-25T01:30"),
                primary("dr.b", "2026-10-25T01:30", "2026-10-25T09:00"));

        assertThat(roster.onCall(Role.PRIMARY, Instant.parse("2026-10-25T01:00:00Z"))).containsExactly("dr.a");
        assertThat(roster.onCall(Role.PRIMARY, Instant.parse("2026-10-25T01:30:00Z"))).containsExactly("dr.b");
        assertThat(roster.gaps(Instant.parse("2026-10-24T18:00:00Z"), Instant.parse("2026-10-25T08:00:00Z")))
                .filteredOn(gap -> gap.role() == Role.PRIMARY).isEmpty();
    }

    @Test
    void aShiftStartingInTheSkippedHourStartsWhenTheClockJumps() {
        Roster roster = roster(primary("dr.a", "2026-03-29T01:30", "2026-03-29T09:00"));

        assertThat(roster.instantOf(LocalDateTime.parse("2026-03-29T01:30"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(roster.onCall(Role.PRIMARY, Instant.parse("2026-03-29T01:29:59Z"))).isEmpty();
    }

    @Test
    void aLevelPagesWhoeverFillsItsRolesAndNobodyWhenTheRoleIsEmpty() {
        Roster roster = roster(primary("dr.a", "2026-11-21T08:00", "2026-11-21T20:00"));
        Instant noon = Instant.parse("2026-11-21T12:00:00Z");

        assertThat(roster.resolve(EnumSet.of(Target.PRIMARY), noon)).containsExactly("dr.a");
        assertThat(roster.resolve(EnumSet.of(Target.SECONDARY), noon)).isEmpty();
        assertThat(roster.resolve(EnumSet.of(Target.SECONDARY, Target.CLINIC_LEAD), noon)).containsExactly("dr.lead");
        assertThat(roster.resolve(EnumSet.of(Target.ALL_CLINICIANS), noon)).containsExactly("dr.a", "dr.b", "dr.lead");
        assertThat(roster.resolve(EnumSet.of(Target.PRIMARY), Instant.parse("2026-11-21T20:00:00Z"))).isEmpty();
    }

    @Test
    void theCoverageCheckListsEveryStretchWithNobodyOnCall() {
        Roster roster = roster(primary("dr.a", "2026-11-21T08:00", "2026-11-21T20:00"),
                primary("dr.b", "2026-11-22T08:00", "2026-11-22T20:00"));

        List<Gap> gaps = roster.gaps(Instant.parse("2026-11-21T08:00:00Z"), Instant.parse("2026-11-22T20:00:00Z"));

        assertThat(gaps).filteredOn(gap -> gap.role() == Role.PRIMARY)
                .containsExactly(new Gap(Role.PRIMARY, Instant.parse("2026-11-21T20:00:00Z"), Instant.parse("2026-11-22T08:00:00Z")));
        assertThat(gaps).filteredOn(gap -> gap.role() == Role.SECONDARY)
                .containsExactly(new Gap(Role.SECONDARY, Instant.parse("2026-11-21T08:00:00Z"), Instant.parse("2026-11-22T20:00:00Z")));
    }
}
