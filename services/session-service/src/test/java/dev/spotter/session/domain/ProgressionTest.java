package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.session.domain.Progression.Change;
import dev.spotter.session.domain.Progression.LastSession;
import dev.spotter.session.domain.Progression.Suggestion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(30));
    private static final Instant THREE_DAYS_AGO = NOW.minus(Duration.ofDays(3));
    private static final ProtocolPlan PLAN = new ProtocolPlan(20, 60, 30, 60, 180, 300, 4);

    private static LastSession good(int angle, int hold) {
        return new LastSession(angle, hold, false, 4, 4, true, false);
    }

    private static Suggestion afterTwoWeeks(LastSession last) {
        return Progression.next(last, PLAN, LONG_AGO, NOW);
    }

    private static Suggestion inFirstTwoWeeks(LastSession last) {
        return Progression.next(last, PLAN, THREE_DAYS_AGO, NOW);
    }

    @Test
    void aGoodSessionAtTheStartLengthensTheHoldFirst() {
        Suggestion next = afterTwoWeeks(good(20, 60));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(20, 90, Change.INCREASE_HOLD);
        assertThat(next.reason()).contains("Hold up from 60 s to 90 s at 20 degrees").contains("blood pressure check passed");
        assertThat(next.slowerReturn()).isFalse();
    }

    @Test
    void theHoldGrowsToTheTopOfTheStartRangeAndStopsThere() {
        assertThat(afterTwoWeeks(good(20, 90))).extracting(Suggestion::holdSeconds).isEqualTo(120);
        assertThat(afterTwoWeeks(good(20, 100))).extracting(Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(120, Change.INCREASE_HOLD);
    }

    @Test
    void onceTheHoldIsTwoMinutesTheAngleGoesUpFiveDegrees() {
        Suggestion next = afterTwoWeeks(good(20, 120));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(25, 120, Change.INCREASE_ANGLE);
        assertThat(next.reason()).contains("Angle up from 20 to 25 degrees at 120 s");
    }

    @Test
    void theAngleClimbsToTheHardLimitAndNoFurther() {
        assertThat(afterTwoWeeks(good(55, 120))).extracting(Suggestion::angleDegrees).isEqualTo(60);
        assertThat(afterTwoWeeks(good(58, 120))).extracting(Suggestion::angleDegrees).isEqualTo(60);
    }

    @Test
    void atTheAngleCeilingTheHoldGrowsToThePlansLongest() {
        assertThat(afterTwoWeeks(good(60, 120))).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(60, 150, Change.INCREASE_HOLD);
        assertThat(afterTwoWeeks(good(60, 150))).extracting(Suggestion::holdSeconds).isEqualTo(180);
    }

    @Test
    void atEveryCeilingTheDoseRepeats() {
        Suggestion next = afterTwoWeeks(good(60, 180));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(60, 180, Change.REPEAT);
        assertThat(next.reason()).contains("ceilings that apply now are reached (60 degrees, 180 s)");
    }

    @Test
    void inTheFirstTwoWeeksTheAngleStopsAtThirtyDegrees() {
        assertThat(inFirstTwoWeeks(good(28, 120))).extracting(Suggestion::angleDegrees).isEqualTo(30);
        assertThat(inFirstTwoWeeks(good(30, 120))).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(30, 150, Change.INCREASE_HOLD);
        assertThat(inFirstTwoWeeks(good(30, 180))).extracting(Suggestion::change).isEqualTo(Change.REPEAT);
    }

    @Test
    void afterTheFirstTwoWeeksTheAngleMayPassThirtyDegrees() {
        assertThat(afterTwoWeeks(good(30, 180))).extracting(Suggestion::angleDegrees, Suggestion::change)
                .containsExactly(35, Change.INCREASE_ANGLE);
    }

    @Test
    void thePlansCeilingsStopProgressionBelowTheHardLimits() {
        ProtocolPlan modest = new ProtocolPlan(20, 60, 30, 40, 150, 300, 4);

        assertThat(Progression.next(good(40, 120), modest, LONG_AGO, NOW)).extracting(Suggestion::holdSeconds).isEqualTo(150);
        assertThat(Progression.next(good(40, 150), modest, LONG_AGO, NOW)).extracting(Suggestion::change).isEqualTo(Change.REPEAT);
    }

    @Test
    void aHoldIsNeverSuggestedLongerThanTheSessionsTotal() {
        ProtocolPlan shortSessions = new ProtocolPlan(20, 60, 30, 60, 180, 100, 4);

        assertThat(Progression.next(good(20, 90), shortSessions, LONG_AGO, NOW)).extracting(Suggestion::holdSeconds).isEqualTo(100);
    }

    @Test
    void aPlanLoweredSinceTheLastSessionBindsAtOnce() {
        ProtocolPlan lowered = new ProtocolPlan(20, 60, 30, 40, 120, 300, 4);
        Suggestion next = Progression.next(good(45, 150), lowered, LONG_AGO, NOW);

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(40, 120, Change.LOWER_TO_CEILING);
        assertThat(next.reason()).contains("Down from 45 degrees for 150 s");
    }

    @Test
    void aStopSymptomStepsTheAngleBackFiveDegrees() {
        Suggestion next = afterTwoWeeks(new LastSession(30, 120, true, 4, 4, true, false));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(25, 120, Change.STEP_BACK);
        assertThat(next.reason()).contains("Step back from 30 degrees for 120 s to 25 degrees for 120 s").contains("stop-symptom");
    }

    @Test
    void painOnePointHigherAfterTheSessionStillProgresses() {
        assertThat(afterTwoWeeks(new LastSession(20, 120, false, 4, 5, true, false))).extracting(Suggestion::change)
                .isEqualTo(Change.INCREASE_ANGLE);
    }

    @Test
    void painTwoPointsHigherAfterTheSessionStepsBack() {
        Suggestion next = afterTwoWeeks(new LastSession(20, 120, false, 4, 6, true, false));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::change).containsExactly(15, Change.STEP_BACK);
        assertThat(next.reason()).contains("pain rose from 4 to 6, more than 1 point");
    }

    @Test
    void aFailedBloodPressureCheckRepeatsTheDose() {
        Suggestion next = afterTwoWeeks(new LastSession(25, 120, false, 4, 4, false, false));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(25, 120, Change.REPEAT);
        assertThat(next.reason()).contains("post-session blood pressure check did not pass");
    }

    @Test
    void aStopSymptomWithAFailedBloodPressureCheckStillStepsBack() {
        assertThat(afterTwoWeeks(new LastSession(25, 120, true, 4, 4, false, false))).extracting(Suggestion::change)
                .isEqualTo(Change.STEP_BACK);
    }

    @Test
    void everyReasonToStepBackIsNamed() {
        assertThat(afterTwoWeeks(new LastSession(25, 120, true, 3, 7, true, false)).reason())
                .contains("stop-symptom").contains("pain rose from 3 to 7");
    }

    @Test
    void steppingBackStopsAtFifteenDegrees() {
        assertThat(afterTwoWeeks(new LastSession(18, 90, true, 4, 4, true, false))).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds)
                .containsExactly(15, 90);
    }

    @Test
    void atFifteenDegreesSteppingBackShortensTheHold() {
        assertThat(afterTwoWeeks(new LastSession(15, 90, true, 4, 4, true, false)))
                .extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(15, 60, Change.STEP_BACK);
        assertThat(afterTwoWeeks(new LastSession(15, 45, true, 4, 4, true, false))).extracting(Suggestion::holdSeconds).isEqualTo(30);
    }

    @Test
    void atTheLowestDoseAStepBackRepeatsAndAsksForAClinician() {
        Suggestion next = afterTwoWeeks(new LastSession(15, 30, true, 4, 4, true, false));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::holdSeconds, Suggestion::change)
                .containsExactly(15, 30, Change.REPEAT);
        assertThat(next.reason()).contains("already the lowest dose").contains("clinician should review");
    }

    @Test
    void aStepBackFromAboveALoweredPlanStartsFromItsCeiling() {
        Suggestion next = inFirstTwoWeeks(new LastSession(40, 120, true, 4, 4, true, false));

        assertThat(next).extracting(Suggestion::angleDegrees, Suggestion::change).containsExactly(25, Change.STEP_BACK);
    }

    @Test
    void dizzinessOnRisingAsksForASlowerReturnWithoutHoldingProgressionBack() {
        Suggestion next = afterTwoWeeks(new LastSession(20, 60, false, 4, 4, true, true));

        assertThat(next.slowerReturn()).isTrue();
        assertThat(next.change()).isEqualTo(Change.INCREASE_HOLD);
        assertThat(next.reason()).contains("Bring the patient up more slowly");
    }

    @Test
    void dizzinessOnRisingIsFlaggedWhenSteppingBackToo() {
        Suggestion next = afterTwoWeeks(new LastSession(25, 60, true, 4, 4, true, true));

        assertThat(next).extracting(Suggestion::change, Suggestion::slowerReturn).containsExactly(Change.STEP_BACK, true);
    }

    @Test
    void noSuggestionEverPassesACeilingOrRaisesMoreThanOneThing() {
        for (Instant first : new Instant[] {LONG_AGO, THREE_DAYS_AGO}) {
            for (int angle = 0; angle <= 70; angle += 3) {
                for (int hold = 0; hold <= 200; hold += 20) {
                    for (int flags = 0; flags < 16; flags++) {
                        assertWithinCeilingsAndOneStep(sessionWith(angle, hold, flags), first);
                    }
                }
            }
        }
    }

    /** Every combination of stop-symptom, pain rise, failed BP check and dizziness, one bit each. */
    private static LastSession sessionWith(int angle, int hold, int flags) {
        return new LastSession(angle, hold, (flags & 1) != 0, 4, (flags & 2) != 0 ? 6 : 4, (flags & 4) == 0, (flags & 8) != 0);
    }

    private static void assertWithinCeilingsAndOneStep(LastSession last, Instant first) {
        Suggestion next = Progression.next(last, PLAN, first, NOW);
        assertThat(next.angleDegrees()).isLessThanOrEqualTo(SessionStartRules.angleCeiling(PLAN, first, NOW));
        assertThat(next.holdSeconds()).isLessThanOrEqualTo(180);
        assertThat(next.angleDegrees() - last.angleDegrees()).isLessThanOrEqualTo(10);
        assertThat(next.angleDegrees() > last.angleDegrees() && next.holdSeconds() > last.holdSeconds()).isFalse();
        assertThat(next.slowerReturn()).isEqualTo(last.dizzyOnRising());
        assertThat(next.reason()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"painBefore, 11, 4", "painBefore, -1, 4", "painAfter, 4, 11", "painAfter, 4, -1"})
    void aPainScoreOutsideZeroToTenIsRejectedNamingTheField(String field, int before, int after) {
        assertThatThrownBy(() -> new LastSession(20, 60, false, before, after, true, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
    }

    @Test
    void aNegativeAngleOrHoldIsRejected() {
        assertThatThrownBy(() -> new LastSession(-1, 60, false, 4, 4, true, false)).hasMessageStartingWith("angleDegrees");
        assertThatThrownBy(() -> new LastSession(20, -1, false, 4, 4, true, false)).hasMessageStartingWith("holdSeconds");
    }
}
