package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.session.domain.SessionStartRules.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InversionLimitsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant LONG_AGO = NOW.minus(Duration.ofDays(30));
    private static final Instant THREE_DAYS_AGO = NOW.minus(Duration.ofDays(3));
    /** A plan that asks for more than the hard limits, so only the hard limits bind. */
    private static final ProtocolPlan GENEROUS = new ProtocolPlan(20, 60, 90, 90, 600, 900, 7);
    private static final ProtocolPlan PLAN = new ProtocolPlan(20, 60, 30, 60, 180, 300, 4);

    private static InversionLimits afterTwoWeeks(ProtocolPlan plan) {
        return new InversionLimits(plan, LONG_AGO, NOW);
    }

    private static InversionLimits inFirstTwoWeeks(ProtocolPlan plan) {
        return new InversionLimits(plan, THREE_DAYS_AGO, NOW);
    }

    private static InversionLimits.Timer timer(int holdLeftSeconds, int sessionLeftSeconds) {
        return new InversionLimits.Timer(Duration.ofSeconds(holdLeftSeconds), Duration.ofSeconds(sessionLeftSeconds));
    }

    @Test
    void sixtyDegreesIsAllowedAndSixtyOneIsRefusedByTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(GENEROUS);

        assertThat(limits.checkAngle(60)).isEmpty();
        assertThat(limits.checkAngle(61)).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("hard-limit");
            assertThat(refusal.field()).isEqualTo("angleDegrees");
            assertThat(refusal.status()).isEqualTo(422);
            assertThat(refusal.detail()).contains("61 degrees").contains("hard limit of 60 degrees");
        });
    }

    @ParameterizedTest(name = "{0} degrees")
    @ValueSource(ints = {90, 95})
    void fullInversionIsNeverAllowed(int degrees) {
        assertThat(afterTwoWeeks(GENEROUS).checkAngle(degrees)).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("hard-limit");
            assertThat(refusal.detail()).contains("Full inversion is never allowed");
        });
    }

    @Test
    void thirtyDegreesIsAllowedInTheFirstTwoWeeksAndThirtyOneIsRefused() {
        InversionLimits limits = inFirstTwoWeeks(GENEROUS);

        assertThat(limits.checkAngle(30)).isEmpty();
        assertThat(limits.checkAngle(31)).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("first-weeks-ceiling");
            assertThat(refusal.detail()).contains("ceiling of 30 degrees for the first two weeks").contains("between 0 and 30");
        });
    }

    @Test
    void aPatientWithNoSessionYetIsInTheFirstTwoWeeks() {
        InversionLimits limits = new InversionLimits(GENEROUS, null, NOW);

        assertThat(limits.firstTwoWeeks()).isTrue();
        assertThat(limits.checkAngle(31)).map(Refusal::slug).contains("first-weeks-ceiling");
    }

    @Test
    void theFirstTwoWeeksEndExactlyFourteenDaysAfterTheFirstSession() {
        InversionLimits lastMoment = new InversionLimits(GENEROUS, NOW.minus(Duration.ofDays(14)).plusMillis(1), NOW);
        InversionLimits over = new InversionLimits(GENEROUS, NOW.minus(Duration.ofDays(14)), NOW);

        assertThat(lastMoment.checkAngle(31)).isPresent();
        assertThat(over.checkAngle(31)).isEmpty();
    }

    @Test
    void aSessionKeepsTheCeilingItStartedWith() {
        Instant sessionStart = THREE_DAYS_AGO.plus(Duration.ofDays(14)).minusSeconds(60);
        InversionLimits limits = new InversionLimits(GENEROUS, THREE_DAYS_AGO, sessionStart);

        assertThat(limits.angleCeilingDegrees()).isEqualTo(30);
    }

    @Test
    void aBreachOfTheHardLimitIsNamedBeforeTheFirstTwoWeeksCeiling() {
        assertThat(inFirstTwoWeeks(GENEROUS).checkAngle(61)).map(Refusal::slug).contains("hard-limit");
    }

    @Test
    void thePlanCapsTheAngleBelowTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(new ProtocolPlan(20, 60, 30, 45, 180, 300, 4));

        assertThat(limits.checkAngle(45)).isEmpty();
        assertThat(limits.checkAngle(46)).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("plan-limit");
            assertThat(refusal.detail()).contains("between 0 and 45 degrees");
        });
    }

    @Test
    void thePlansFirstWeeksCeilingCapsBelowThirtyDegrees() {
        InversionLimits limits = inFirstTwoWeeks(new ProtocolPlan(20, 60, 25, 60, 180, 300, 4));

        assertThat(limits.checkAngle(25)).isEmpty();
        assertThat(limits.checkAngle(26)).map(Refusal::slug).contains("plan-limit");
    }

    @Test
    void horizontalIsAllowedAndANegativeAngleIsRefused() {
        assertThat(afterTwoWeeks(PLAN).checkAngle(0)).isEmpty();
        assertThat(afterTwoWeeks(PLAN).checkAngle(-1)).map(Refusal::slug).contains("invalid-angle");
    }

    @Test
    void aHoldOf180SecondsIsAllowedAnd181IsRefusedByTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(GENEROUS);

        assertThat(limits.checkHold(Duration.ofSeconds(180))).isEmpty();
        assertThat(limits.checkHold(Duration.ofSeconds(181))).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("hard-limit");
            assertThat(refusal.field()).isEqualTo("holdSeconds");
            assertThat(refusal.detail()).contains("181 s").contains("hard limit of 180 s (3 minutes)");
        });
    }

    @Test
    void aHoldAFractionOfASecondPastThreeMinutesIsRefusedNotRoundedDown() {
        assertThat(afterTwoWeeks(GENEROUS).checkHold(Duration.ofSeconds(180).plusMillis(1))).hasValueSatisfying(refusal ->
                assertThat(refusal.detail()).contains("181 s"));
    }

    @Test
    void thePlanCapsTheHoldBelowTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(new ProtocolPlan(20, 60, 30, 60, 120, 300, 4));

        assertThat(limits.checkHold(Duration.ofSeconds(120))).isEmpty();
        assertThat(limits.checkHold(Duration.ofSeconds(121))).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("plan-limit");
            assertThat(refusal.detail()).contains("at most 120 s");
        });
    }

    @Test
    void aNegativeHoldIsRefused() {
        assertThat(afterTwoWeeks(PLAN).checkHold(Duration.ofSeconds(-1))).map(Refusal::slug).contains("invalid-hold");
    }

    @Test
    void threeHundredSecondsInvertedIsAllowedAnd301IsRefusedByTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(GENEROUS);

        assertThat(limits.checkTotal(Duration.ofSeconds(300))).isEmpty();
        assertThat(limits.checkTotal(Duration.ofSeconds(301))).hasValueSatisfying(refusal -> {
            assertThat(refusal.slug()).isEqualTo("hard-limit");
            assertThat(refusal.field()).isEqualTo("totalInvertedSeconds");
            assertThat(refusal.detail()).contains("301 s").contains("hard limit of 300 s (5 minutes) per session");
        });
    }

    @Test
    void thePlanCapsTheSessionsTotalBelowTheHardLimit() {
        InversionLimits limits = afterTwoWeeks(new ProtocolPlan(20, 60, 30, 60, 180, 240, 4));

        assertThat(limits.checkTotal(Duration.ofSeconds(240))).isEmpty();
        assertThat(limits.checkTotal(Duration.ofSeconds(241))).map(Refusal::slug).contains("plan-limit");
    }

    @Test
    void aNegativeTotalIsRefused() {
        assertThat(afterTwoWeeks(PLAN).checkTotal(Duration.ofSeconds(-5))).map(Refusal::slug).contains("invalid-total");
    }

    @Test
    void aPlanCannotLiftTheHardCeilings() {
        InversionLimits limits = afterTwoWeeks(GENEROUS);

        assertThat(limits.angleCeilingDegrees()).isEqualTo(60);
        assertThat(limits.holdCeiling()).isEqualTo(Duration.ofSeconds(180));
        assertThat(limits.totalCeiling()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void theTimerCountsDownTheHoldAndTheSession() {
        InversionLimits.Timer timer = afterTwoWeeks(PLAN).timeLeft(Duration.ofSeconds(60), NOW.minusSeconds(100), NOW);

        assertThat(timer.holdLeft()).isEqualTo(Duration.ofSeconds(80));
        assertThat(timer.sessionLeft()).isEqualTo(Duration.ofSeconds(140));
    }

    @Test
    void aHoldNeverOutlastsWhatIsLeftOfTheSession() {
        InversionLimits.Timer timer = afterTwoWeeks(PLAN).timeLeft(Duration.ofSeconds(150), NOW.minusSeconds(100), NOW);

        assertThat(timer.holdLeft()).isEqualTo(Duration.ofSeconds(50));
        assertThat(timer.sessionLeft()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void whileUprightTheTimerShowsWhatANewHoldCouldLast() {
        InversionLimits limits = afterTwoWeeks(PLAN);

        assertThat(limits.timeLeft(Duration.ZERO, null, NOW)).isEqualTo(timer(180, 300));
        assertThat(limits.timeLeft(Duration.ofSeconds(240), null, NOW)).isEqualTo(timer(60, 60));
    }

    @Test
    void theTimerFollowsThePlansShorterLimits() {
        InversionLimits limits = afterTwoWeeks(new ProtocolPlan(20, 60, 30, 60, 120, 240, 4));

        assertThat(limits.timeLeft(Duration.ZERO, null, NOW)).isEqualTo(timer(120, 240));
    }

    @Test
    void theTimerStopsAtZeroPastTheLimits() {
        InversionLimits.Timer timer = afterTwoWeeks(PLAN).timeLeft(Duration.ofSeconds(200), NOW.minusSeconds(190), NOW);

        assertThat(timer).isEqualTo(timer(0, 0));
    }

    @Test
    void aHoldThatHasNotStartedYetByThisClockCountsAsJustStarted() {
        InversionLimits.Timer timer = afterTwoWeeks(PLAN).timeLeft(Duration.ZERO, NOW.plusSeconds(2), NOW);

        assertThat(timer).isEqualTo(timer(180, 300));
    }

    @Test
    void everyEntryWithinAllLimitsPasses() {
        InversionLimits limits = afterTwoWeeks(PLAN);

        assertThat(limits.checkAngle(20)).isEmpty();
        assertThat(limits.checkHold(Duration.ofSeconds(60))).isEmpty();
        assertThat(limits.checkTotal(Duration.ofSeconds(120))).isEmpty();
    }
}
