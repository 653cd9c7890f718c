package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Priority;
import dev.spotter.session.domain.Watchdog.Due;
import dev.spotter.session.domain.Watchdog.Hold;
import dev.spotter.session.domain.Watchdog.Key;
import dev.spotter.session.domain.Watchdog.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    /** A hold of {@code plannedSeconds} whose tablet is still beating at {@code secondsIn}, so only hold alerts can be due. */
    private static Hold beating(int plannedSeconds, int secondsIn) {
        return new Hold(START, Duration.ofSeconds(plannedSeconds), at(secondsIn));
    }

    private static Instant at(int secondsIn) {
        return START.plusSeconds(secondsIn);
    }

    private static List<Key> keys(List<Due> raised) {
        return raised.stream().map(Due::key).toList();
    }

    private static List<Kind> kindsDue(Hold hold, int secondsIn) {
        return Watchdog.due(hold, at(secondsIn)).stream().map(Due::kind).toList();
    }

    @Test
    void nothingIsDueFiftyNineSecondsPastThePlannedHold() {
        assertThat(kindsDue(beating(30, 89), 89)).isEmpty();
    }

    @Test
    void sixtySecondsPastThePlannedHoldAMediumAlertIsDue() {
        List<Due> due = Watchdog.due(beating(30, 90), at(90));

        assertThat(due).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Kind.HOLD_OVERDUE);
            assertThat(alarm.dueAt()).isEqualTo(at(90));
            assertThat(alarm.alert().priority()).isEqualTo(Priority.MEDIUM);
            assertThat(alarm.alert().cause()).isEqualTo("watchdog-hold-overdue");
            assertThat(alarm.alert().reason()).contains("still inverted 60 s past the planned hold of 30 s");
        });
    }

    @Test
    void oneHundredNineteenSecondsPastThePlannedHoldItIsStillMedium() {
        assertThat(kindsDue(beating(30, 149), 149)).containsExactly(Kind.HOLD_OVERDUE);
    }

    @Test
    void oneHundredTwentySecondsPastThePlannedHoldTheAlertIsHighAndTheMediumIsLeftOut() {
        List<Due> due = Watchdog.due(beating(30, 150), at(150));

        assertThat(due).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Kind.HOLD_ESCALATED);
            assertThat(alarm.alert().priority()).isEqualTo(Priority.HIGH);
            assertThat(alarm.alert().cause()).isEqualTo("watchdog-hold-overdue");
            assertThat(alarm.alert().reason()).contains("120 s past the planned hold");
        });
    }

    @Test
    void at179SecondsInvertedTheHardLimitIsNotYetReached() {
        assertThat(kindsDue(beating(100, 179), 179)).containsExactly(Kind.HOLD_OVERDUE);
    }

    @Test
    void at180SecondsInvertedTheHardLimitRaisesAHighAlertBeforePlannedPlus120() {
        List<Due> due = Watchdog.due(beating(100, 180), at(180));

        assertThat(due).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Kind.HOLD_ESCALATED);
            assertThat(alarm.dueAt()).isEqualTo(at(180));
            assertThat(alarm.alert().cause()).isEqualTo("watchdog-hold-limit");
            assertThat(alarm.alert().reason()).contains("180 s, the hard limit for one hold");
        });
    }

    @Test
    void aHoldPlannedAtTwoMinutesGoesStraightToHighAtTheHardLimit() {
        assertThat(kindsDue(beating(120, 179), 179)).isEmpty();
        assertThat(kindsDue(beating(120, 180), 180)).containsExactly(Kind.HOLD_ESCALATED);
    }

    @Test
    void aTabletSilentFor44SecondsRaisesNothing() {
        assertThat(kindsDue(new Hold(START, Duration.ofSeconds(60), at(10)), 54)).isEmpty();
    }

    @Test
    void aTabletSilentFor45SecondsWhileThePatientIsInvertedRaisesAHighTechnicalAlert() {
        List<Due> due = Watchdog.due(new Hold(START, Duration.ofSeconds(60), at(10)), at(55));

        assertThat(due).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Kind.TABLET_SILENT);
            assertThat(alarm.dueAt()).isEqualTo(at(55));
            assertThat(alarm.alert().priority()).isEqualTo(Priority.HIGH);
            assertThat(alarm.alert().cause()).isEqualTo("watchdog-tablet-silent");
            assertThat(alarm.alert().reason()).contains("No heartbeat from the tablet for 45 s");
        });
    }

    @Test
    void silenceCountsFromTheHoldsStartWhenTheLastHeartbeatWasBeforeIt() {
        Hold hold = new Hold(START, Duration.ofSeconds(60), START.minusSeconds(40));

        assertThat(kindsDue(hold, 44)).isEmpty();
        assertThat(kindsDue(hold, 45)).containsExactly(Kind.TABLET_SILENT);
    }

    @Test
    void withNoHeartbeatYetSilenceCountsFromTheHoldsStart() {
        assertThat(kindsDue(new Hold(START, Duration.ofSeconds(60), null), 45)).containsExactly(Kind.TABLET_SILENT);
    }

    @Test
    void aSilentTabletAndAnOverdueHoldAreBothDueEarliestFirst() {
        List<Due> due = Watchdog.due(new Hold(START, Duration.ofSeconds(60), at(30)), at(130));

        assertThat(due).extracting(Due::kind).containsExactly(Kind.TABLET_SILENT, Kind.HOLD_OVERDUE);
    }

    @Test
    void nothingIsDueAndNoDeadlineWaitsWhenNoPatientIsInverted() {
        assertThat(Watchdog.due(null, at(500))).isEmpty();
        assertThat(Watchdog.nextDeadline(null, at(500))).isEmpty();
        assertThat(Watchdog.toRaise(null, at(500), List.of())).isEmpty();
    }

    @Test
    void theNextDeadlineIsTheEarliestThingStillToCome() {
        assertThat(Watchdog.nextDeadline(beating(60, 10), at(10))).contains(at(55));
        assertThat(Watchdog.nextDeadline(beating(60, 100), at(100))).contains(at(120));
    }

    @Test
    void aDeadlineDueNowIsNotTheNextOne() {
        Hold hold = beating(60, 110);

        assertThat(Watchdog.due(hold, at(120))).extracting(Due::kind).containsExactly(Kind.HOLD_OVERDUE);
        assertThat(Watchdog.nextDeadline(hold, at(120))).contains(at(155));
        assertThat(Watchdog.nextDeadline(hold, at(119))).contains(at(120));
    }

    @Test
    void theHardLimitIsTheNextDeadlineWhenTheMediumWouldNotComeBeforeIt() {
        assertThat(Watchdog.nextDeadline(beating(150, 170), at(170))).contains(at(180));
    }

    @Test
    void onceEverythingIsDueNoDeadlineIsLeft() {
        assertThat(Watchdog.nextDeadline(beating(60, 0), at(200))).isEmpty();
    }

    @Test
    void theNextDeadlineMovesWithEachHeartbeat() {
        assertThat(Watchdog.nextDeadline(beating(90, 20), at(20))).contains(at(65));
        assertThat(Watchdog.nextDeadline(beating(90, 40), at(40))).contains(at(85));
    }

    @Test
    void anAlertAlreadyRaisedIsNotRaisedAgain() {
        Hold hold = beating(30, 100);
        List<Due> first = Watchdog.toRaise(hold, at(100), List.of());
        List<Key> raised = keys(first);

        assertThat(first).extracting(Due::kind).containsExactly(Kind.HOLD_OVERDUE);
        assertThat(Watchdog.toRaise(hold, at(100), raised)).isEmpty();
        assertThat(Watchdog.toRaise(beating(30, 140), at(140), raised)).isEmpty();
    }

    @Test
    void theEscalationIsNewAfterTheMediumWasRaised() {
        List<Key> raised = keys(Watchdog.toRaise(beating(30, 90), at(90), List.of()));

        assertThat(Watchdog.toRaise(beating(30, 150), at(150), raised)).extracting(Due::kind).containsExactly(Kind.HOLD_ESCALATED);
    }

    @Test
    void aSecondSilenceAfterTheTabletCameBackIsANewAlert() {
        Hold firstSilence = new Hold(START, Duration.ofSeconds(120), at(0));
        List<Key> raised = keys(Watchdog.toRaise(firstSilence, at(50), List.of()));
        Hold secondSilence = new Hold(START, Duration.ofSeconds(120), at(60));

        assertThat(raised).containsExactly(new Key(Kind.TABLET_SILENT, at(45)));
        assertThat(Watchdog.toRaise(firstSilence, at(52), raised)).isEmpty();
        assertThat(Watchdog.toRaise(secondSilence, at(105), raised)).singleElement().satisfies(alarm -> {
            assertThat(alarm.kind()).isEqualTo(Kind.TABLET_SILENT);
            assertThat(alarm.dueAt()).isEqualTo(at(105));
        });
    }

    @Test
    void aNewHoldRaisesItsOwnAlerts() {
        List<Key> raised = keys(Watchdog.toRaise(beating(30, 90), at(90), List.of()));
        Hold nextHold = new Hold(at(200), Duration.ofSeconds(30), at(290));

        assertThat(Watchdog.toRaise(nextHold, at(290), raised)).extracting(Due::kind).containsExactly(Kind.HOLD_OVERDUE);
    }

    @Test
    void aLateWakeUpRaisesOnlyTheMostUrgentHoldAlert() {
        assertThat(Watchdog.toRaise(beating(30, 400), at(400), List.of())).extracting(Due::kind).containsExactly(Kind.HOLD_ESCALATED);
    }
}
