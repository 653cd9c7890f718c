package dev.spotter.session.domain;

import dev.spotter.clinical.BloodPressure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Priority;
import dev.spotter.session.domain.PostSessionCheck.Result;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostSessionCheckTest {

    private static final Instant UPRIGHT = Instant.parse("2026-06-01T09:10:00Z");

    private static Result check(int preSystolic, int preDiastolic, int systolic, int diastolic) {
        return PostSessionCheck.judge(new BloodPressure(preSystolic, preDiastolic), new BloodPressure(systolic, diastolic), UPRIGHT);
    }

    @Test
    void just179Over119PassesTheCheck() {
        Result result = check(165, 100, 179, 119);

        assertThat(result.passed()).isTrue();
        assertThat(result.alert()).isEmpty();
        assertThat(result.recheckDueAt()).isEmpty();
    }

    @Test
    void a180SystolicRaisesAHighAlert() {
        Result result = check(170, 100, 180, 119);

        assertThat(result.passed()).isFalse();
        assertThat(result.alert()).hasValueSatisfying(alert -> {
            assertThat(alert.priority()).isEqualTo(Priority.HIGH);
            assertThat(alert.cause()).isEqualTo("post-session-bp-crisis");
            assertThat(alert.reason()).contains("180/119").contains("tell a clinician now");
        });
        assertThat(result.recheckDueAt()).isEmpty();
    }

    @Test
    void a120DiastolicRaisesAHighAlert() {
        assertThat(check(170, 110, 179, 120).alert()).map(Alert::priority).contains(Priority.HIGH);
    }

    @Test
    void systolicTwentyAboveTheReadingBeforeTheSessionPasses() {
        Result result = check(130, 80, 150, 85);

        assertThat(result.passed()).isTrue();
        assertThat(result.recheckDueAt()).isEmpty();
    }

    @Test
    void systolicTwentyOneAboveRaisesAMediumAlertAndARecheckAtFiveMinutes() {
        Result result = check(130, 80, 151, 85);

        assertThat(result.passed()).isFalse();
        assertThat(result.alert()).hasValueSatisfying(alert -> {
            assertThat(alert.priority()).isEqualTo(Priority.MEDIUM);
            assertThat(alert.cause()).isEqualTo("post-session-bp-rise");
            assertThat(alert.reason()).contains("151/85").contains("21 mmHg above the 130/80").contains("recheck at 5 minutes");
        });
        assertThat(result.recheckDueAt()).contains(UPRIGHT.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aCrisisReadingThatAlsoRoseIsOneHighAlertWithTheRecheck() {
        Result result = check(150, 90, 185, 95);

        assertThat(result.alert()).hasValueSatisfying(alert -> {
            assertThat(alert.priority()).isEqualTo(Priority.HIGH);
            assertThat(alert.reason()).contains("180/120 or above").contains("35 mmHg above");
        });
        assertThat(result.recheckDueAt()).contains(UPRIGHT.plusSeconds(300));
    }

    @Test
    void aLowerReadingAfterTheSessionPasses() {
        assertThat(check(140, 90, 120, 78).passed()).isTrue();
    }

    @Test
    void standingAfterTwoMinutesFiftyNineSecondsIsRefused() {
        assertThat(PostSessionCheck.standUp(UPRIGHT, UPRIGHT.plusSeconds(179))).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.slug()).isEqualTo("sit-longer");
            assertThat(refusal.detail()).contains("sat for 179 s").contains("at least 3 minutes").contains("2026-06-01T09:13:00Z");
        });
    }

    @Test
    void standingAfterThreeMinutesIsAllowed() {
        assertThat(PostSessionCheck.standUp(UPRIGHT, UPRIGHT.plusSeconds(180))).isEmpty();
        assertThat(PostSessionCheck.standUp(UPRIGHT, UPRIGHT.plusSeconds(600))).isEmpty();
    }

    @Test
    void standingAMomentBeforeThreeMinutesIsStillRefused() {
        assertThat(PostSessionCheck.standUp(UPRIGHT, UPRIGHT.plusSeconds(180).minusMillis(1))).isPresent();
    }
}
