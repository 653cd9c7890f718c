package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spotter.session.domain.Outcomes.Criterion;
import dev.spotter.session.domain.Outcomes.Deterioration;
import dev.spotter.session.domain.Outcomes.Odi;
import dev.spotter.session.domain.Outcomes.Response;
import dev.spotter.session.domain.Outcomes.SessionPain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomesTest {

    private static final Instant FIRST = Instant.parse("2026-06-01T09:00:00Z");

    /** Sessions two days apart, each given as its pain before and after. */
    private static List<SessionPain> sessions(int... beforeAndAfter) {
        List<SessionPain> sessions = new ArrayList<>();
        for (int i = 0; i < beforeAndAfter.length; i += 2) {
            sessions.add(new SessionPain(FIRST.plus(Duration.ofDays(i)), beforeAndAfter[i], beforeAndAfter[i + 1]));
        }
        return sessions;
    }

    @Test
    void painDownExactlyTwoPointsIsAResponder() {
        Response response = Outcomes.response(sessions(8, 8, 6, 6), null);

        assertThat(response.responder()).isTrue();
        assertThat(response.criteriaMet()).containsExactly(Criterion.PAIN_DOWN_2_POINTS);
        assertThat(response.reason()).contains("pain before sessions from 8 to 6").contains("pain down 2 points or more");
    }

    @Test
    void painDownOnePointFromEightIsNotAResponder() {
        Response response = Outcomes.response(sessions(8, 8, 7, 7), null);

        assertThat(response.responder()).isFalse();
        assertThat(response.reason()).startsWith("Not a responder yet");
    }

    @Test
    void painDownThirtyPercentIsAResponderEvenUnderTwoPoints() {
        assertThat(Outcomes.response(sessions(3, 3, 2, 2), null).criteriaMet()).containsExactly(Criterion.PAIN_DOWN_30_PERCENT);
    }

    @Test
    void painDownExactlyThirtyPercentMeetsBothPainCriteria() {
        assertThat(Outcomes.response(sessions(10, 10, 7, 7), null).criteriaMet())
                .containsExactly(Criterion.PAIN_DOWN_2_POINTS, Criterion.PAIN_DOWN_30_PERCENT);
    }

    @Test
    void odiDownExactlyTenPointsIsAResponder() {
        assertThat(Outcomes.response(List.of(), new Odi(50, 40, null)).criteriaMet()).containsExactly(Criterion.ODI_DOWN_10_POINTS);
        assertThat(Outcomes.response(List.of(), new Odi(50, 41, null)).responder()).isFalse();
    }

    @Test
    void odiDownExactlyThirtyPercentIsAResponder() {
        Response response = Outcomes.response(List.of(), new Odi(20, null, 14));

        assertThat(response.criteriaMet()).containsExactly(Criterion.ODI_DOWN_30_PERCENT);
        assertThat(response.reason()).contains("ODI from 20 to 14").contains("ODI down 30 % or more");
        assertThat(Outcomes.response(List.of(), new Odi(20, null, 15)).responder()).isFalse();
    }

    @Test
    void weekEightCountsOverWeekFour() {
        assertThat(Outcomes.response(List.of(), new Odi(50, 40, 45)).responder()).isFalse();
        assertThat(Outcomes.response(List.of(), new Odi(50, 45, 40)).responder()).isTrue();
    }

    @Test
    void everyCriterionThatHeldIsNamed() {
        Response response = Outcomes.response(sessions(8, 8, 5, 5), new Odi(40, 28, null));

        assertThat(response.criteriaMet()).containsExactly(Criterion.PAIN_DOWN_2_POINTS, Criterion.PAIN_DOWN_30_PERCENT,
                Criterion.ODI_DOWN_10_POINTS, Criterion.ODI_DOWN_30_PERCENT);
    }

    @Test
    void painCountsByTheScoreBeforeEachSessionNotTheReliefJustAfter() {
        assertThat(Outcomes.response(sessions(8, 8, 8, 4), null).responder()).isFalse();
    }

    @Test
    void painComparesTheFirstSessionWithTheLatestWhateverTheOrderGiven() {
        List<SessionPain> backwards = new ArrayList<>(sessions(8, 8, 7, 7, 5, 5));
        Collections.reverse(backwards);

        assertThat(Outcomes.response(backwards, null).criteriaMet()).contains(Criterion.PAIN_DOWN_2_POINTS);
    }

    @Test
    void withOneSessionAndNoFollowUpThereIsNothingToCompare() {
        Response response = Outcomes.response(sessions(6, 6), new Odi(40, null, null));

        assertThat(response.responder()).isFalse();
        assertThat(response.reason()).contains("nothing to compare yet");
    }

    @Test
    void noPainAtBaselineCannotImproveByThirtyPercent() {
        assertThat(Outcomes.response(sessions(0, 0, 0, 0), new Odi(0, 0, 0)).responder()).isFalse();
    }

    @Test
    void oneSessionTwoPointsAboveBaselineDoesNotPauseThePlan() {
        Deterioration deterioration = Outcomes.deterioration(sessions(4, 4, 6, 6, 4, 4));

        assertThat(deterioration.pausePlan()).isFalse();
        assertThat(deterioration.reason()).startsWith("No deterioration").contains("6 and 4");
    }

    @Test
    void twoConsecutiveSessionsTwoPointsAboveBaselinePauseThePlan() {
        Deterioration deterioration = Outcomes.deterioration(sessions(4, 4, 6, 6, 6, 6));

        assertThat(deterioration.pausePlan()).isTrue();
        assertThat(deterioration.reason()).startsWith("Pause the plan for clinician review").contains("baseline 4");
    }

    @Test
    void oneSessionAboveBaselineAfterTheFirstIsNotEnoughToJudge() {
        Deterioration deterioration = Outcomes.deterioration(sessions(4, 4, 7, 7));

        assertThat(deterioration.pausePlan()).isFalse();
        assertThat(deterioration.reason()).contains("Not enough sessions");
    }

    @Test
    void twoWorseSessionsThatAreNotConsecutiveDoNotPauseThePlan() {
        assertThat(Outcomes.deterioration(sessions(4, 4, 6, 6, 4, 4, 6, 6)).pausePlan()).isFalse();
    }

    @Test
    void painOnePointAboveBaselineIsNotDeterioration() {
        assertThat(Outcomes.deterioration(sessions(4, 4, 5, 5, 5, 5)).pausePlan()).isFalse();
    }

    @Test
    void painAfterASessionCountsTowardsDeteriorationToo() {
        assertThat(Outcomes.deterioration(sessions(4, 4, 5, 6, 4, 6)).pausePlan()).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1}/{2}")
    @CsvSource({"painBefore, 11, 4", "painBefore, -1, 4", "painAfter, 4, 11", "painAfter, 4, -1"})
    void aPainScoreOutsideZeroToTenIsRejectedNamingTheField(String field, int before, int after) {
        assertThatThrownBy(() -> new SessionPain(FIRST, before, after)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field).hasMessageContaining("0 to 10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"odiBaseline, 101, 50, 50", "odiBaseline, -1, 50, 50", "odiWeek4, 50, 101, 50", "odiWeek8, 50, 50, -1"})
    void anOdiOutsideZeroToOneHundredIsRejectedNamingTheField(String field, int baseline, int week4, int week8) {
        assertThatThrownBy(() -> new Odi(baseline, week4, week8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field).hasMessageContaining("0 to 100");
    }

    @Test
    void theEdgesOfEachScaleAreAccepted() {
        assertThatCode(() -> new SessionPain(FIRST, 0, 10)).doesNotThrowAnyException();
        assertThatCode(() -> new Odi(0, 100, null)).doesNotThrowAnyException();
    }
}
