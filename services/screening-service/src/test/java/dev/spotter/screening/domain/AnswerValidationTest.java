package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import static dev.spotter.screening.domain.FilledQuestionnaire.FIRST_TAKEN_AT;
import static dev.spotter.screening.domain.FilledQuestionnaire.NOW;
import static dev.spotter.screening.domain.FilledQuestionnaire.TODAY;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdult;
import static dev.spotter.screening.domain.FilledQuestionnaire.healthyAdultWith;
import static dev.spotter.screening.domain.FilledQuestionnaire.reading;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerValidationTest {

    @Test
    void aHealthyAdultsAnswersHaveNoProblems() {
        assertThat(problems(healthyAdult())).isEmpty();
    }

    @Test
    void aHeartDiseaseDateInTheFutureIsAProblem() {
        assertThat(problems(healthyAdultWith(q -> { q.heartDisease = true; q.heartDiseaseDate = TODAY.plusDays(1); })))
                .containsExactly(new AnswerProblem("S4", "heartDiseaseDate", "The date 2025-06-16 is in the future."));
    }

    @Test
    void aHeartDiseaseWithoutADateIsFine() {
        assertThat(problems(healthyAdultWith(q -> q.heartDisease = true))).isEmpty();
    }

    @Test
    void datesOfTodayAreNotInTheFuture() {
        ScreeningAnswers answers = healthyAdultWith(q -> {
            q.heartDisease = true;
            q.heartDiseaseDate = TODAY;
            q.strokeOrTia = true;
            q.strokeOrTiaDate = TODAY;
            q.recentFracture = true;
            q.fractureDate = TODAY;
        });

        assertThat(problems(answers)).isEmpty();
    }

    @Test
    void aStrokeNeedsItsDate() {
        assertThat(fields(healthyAdultWith(q -> q.strokeOrTia = true))).containsExactly("S5 strokeOrTiaDate");
    }

    @Test
    void aStrokeDateInTheFutureIsAProblem() {
        assertThat(fields(healthyAdultWith(q -> { q.strokeOrTia = true; q.strokeOrTiaDate = TODAY.plusDays(1); })))
                .containsExactly("S5 strokeOrTiaDate");
    }

    @Test
    void aRecentFractureNeedsItsDate() {
        assertThat(fields(healthyAdultWith(q -> q.recentFracture = true))).containsExactly("S9 fractureDate");
    }

    @Test
    void aFractureDateInTheFutureIsAProblem() {
        assertThat(fields(healthyAdultWith(q -> { q.recentFracture = true; q.fractureDate = TODAY.plusDays(1); })))
                .containsExactly("S9 fractureDate");
    }

    @Test
    void osteoporosisIsRequired() {
        assertThat(fields(healthyAdultWith(q -> q.osteoporosis = null))).containsExactly("S9 osteoporosis");
    }

    @Test
    void bloodPressureIsRequired() {
        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = null))).containsExactly("S7 bloodPressure");
    }

    @Test
    void theFirstReadingIsRequired() {
        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = BpReading.single(null, FIRST_TAKEN_AT))))
                .containsExactly("S7 bloodPressure.first");
    }

    @Test
    void weightIsRequired() {
        assertThat(fields(healthyAdultWith(q -> q.weightKg = null))).containsExactly("S13 weightKg");
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(strings = {"0", "-1", "500.1"})
    void aWeightOfZeroOrImplausiblyHighIsAProblem(String weightKg) {
        assertThat(problems(healthyAdultWith(q -> q.weightKg = new BigDecimal(weightKg))))
                .containsExactly(new AnswerProblem("S13", "weightKg", "Body weight must be above 0 and at most 500 kg."));
    }

    @ParameterizedTest(name = "{0} kg")
    @ValueSource(strings = {"0.1", "500"})
    void aWeightAbove0AndUpTo500IsFine(String weightKg) {
        assertThat(problems(healthyAdultWith(q -> q.weightKg = new BigDecimal(weightKg)))).isEmpty();
    }

    @Test
    void bloodThinnersMustBeNamed() {
        assertThat(fields(healthyAdultWith(q -> q.bloodThinners = true))).containsExactly("S8 bloodThinnerNames");
        assertThat(fields(healthyAdultWith(q -> { q.bloodThinners = true; q.bloodThinnerNames = List.of(" "); })))
                .containsExactly("S8 bloodThinnerNames");
        assertThat(fields(healthyAdultWith(q -> { q.bloodThinners = true; q.bloodThinnerNames = null; })))
                .containsExactly("S8 bloodThinnerNames");
    }

    @Test
    void namedBloodThinnersAreFine() {
        assertThat(problems(healthyAdultWith(q -> { q.bloodThinners = true; q.bloodThinnerNames = List.of("rivaroxaban"); }))).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"50, 30", "300, 200", "300, 30", "51, 50"})
    void readingsAtTheEdgesOfTheRangesAreFine(int systolic, int diastolic) {
        assertThat(problems(healthyAdultWith(q -> q.bloodPressure = reading(systolic, diastolic)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource({
            "49, 30, bloodPressure.first.systolic",
            "301, 80, bloodPressure.first.systolic",
            "120, 29, bloodPressure.first.diastolic",
            "300, 201, bloodPressure.first.diastolic"})
    void readingsJustOutsideTheRangesAreAProblem(int systolic, int diastolic, String field) {
        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = reading(systolic, diastolic)))).containsExactly("S7 " + field);
    }

    @Test
    void theProblemSaysTheAllowedRange() {
        assertThat(problems(healthyAdultWith(q -> q.bloodPressure = reading(49, 30))))
                .containsExactly(new AnswerProblem("S7", "bloodPressure.first.systolic", "Systolic must be between 50 and 300 mmHg."));
        assertThat(problems(healthyAdultWith(q -> q.bloodPressure = reading(120, 201))))
                .extracting(AnswerProblem::message).contains("Diastolic must be between 30 and 200 mmHg.");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"120, 120", "90, 110"})
    void aDiastolicNotBelowTheSystolicIsAProblem(int systolic, int diastolic) {
        assertThat(problems(healthyAdultWith(q -> q.bloodPressure = reading(systolic, diastolic))))
                .containsExactly(new AnswerProblem("S7", "bloodPressure.first.diastolic", "Diastolic must be below systolic."));
    }

    @Test
    void aFirstReadingTakenInTheFutureIsAProblem() {
        BpReading reading = BpReading.single(new BloodPressure(120, 75), NOW.plus(AnswerValidation.CLOCK_TOLERANCE).plusSeconds(1));

        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = reading))).containsExactly("S7 bloodPressure.firstTakenAt");
    }

    @Test
    void aRecheckFiveMinutesAfterTheFirstIsFine() {
        assertThat(problems(withRecheck(new BloodPressure(125, 78), FIRST_TAKEN_AT.plus(Duration.ofMinutes(5))))).isEmpty();
    }

    @Test
    void aRecheckUnderFiveMinutesAfterTheFirstIsAProblem() {
        assertThat(problems(withRecheck(new BloodPressure(125, 78), FIRST_TAKEN_AT.plus(Duration.ofMinutes(5)).minusSeconds(1))))
                .containsExactly(new AnswerProblem("S7", "bloodPressure.recheckTakenAt",
                        "The recheck must be taken at least 5 minutes after the first reading."));
    }

    @Test
    void aRecheckNeedsItsTime() {
        assertThat(fields(withRecheck(new BloodPressure(125, 78), null))).containsExactly("S7 bloodPressure.recheckTakenAt");
    }

    @Test
    void aRecheckInTheFutureIsAProblem() {
        assertThat(fields(withRecheck(new BloodPressure(125, 78), NOW.plus(AnswerValidation.CLOCK_TOLERANCE).plusSeconds(1))))
                .containsExactly("S7 bloodPressure.recheckTakenAt");
    }

    @Test
    void aTabletClockWithinTheToleranceIsNotTheFuture() {
        BpReading reading = BpReading.single(new BloodPressure(120, 75), NOW.plus(AnswerValidation.CLOCK_TOLERANCE));

        assertThat(problems(healthyAdultWith(q -> q.bloodPressure = reading))).isEmpty();
    }

    @Test
    void aRecheckTakenNowIsFine() {
        assertThat(problems(withRecheck(new BloodPressure(125, 78), NOW))).isEmpty();
    }

    @Test
    void aRecheckNeedsTheFirstReadingsTimeToCheckTheWait() {
        BpReading reading = new BpReading(new BloodPressure(150, 90), null, new BloodPressure(125, 78), NOW);

        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = reading))).containsExactly("S7 bloodPressure.firstTakenAt");
    }

    @ParameterizedTest(name = "{0}/{1}: {2}")
    @CsvSource({
            "49, 30, bloodPressure.recheck.systolic",
            "301, 80, bloodPressure.recheck.systolic",
            "120, 29, bloodPressure.recheck.diastolic",
            "300, 201, bloodPressure.recheck.diastolic",
            "100, 100, bloodPressure.recheck.diastolic"})
    void theRecheckIsHeldToTheSameRanges(int systolic, int diastolic, String field) {
        assertThat(fields(withRecheck(new BloodPressure(systolic, diastolic), NOW))).containsExactly("S7 " + field);
    }

    @Test
    void aRecheckTimeWithoutARecheckIsAProblem() {
        BpReading reading = new BpReading(new BloodPressure(150, 90), FIRST_TAKEN_AT, null, NOW);

        assertThat(fields(healthyAdultWith(q -> q.bloodPressure = reading))).containsExactly("S7 bloodPressure.recheck");
    }

    @Test
    void everyProblemIsListedInQuestionOrder() {
        ScreeningAnswers answers = healthyAdultWith(q -> {
            q.strokeOrTia = true;
            q.bloodPressure = reading(40, 20);
            q.bloodThinners = true;
            q.osteoporosis = null;
            q.weightKg = BigDecimal.ZERO;
        });

        assertThat(fields(answers)).containsExactly("S5 strokeOrTiaDate", "S7 bloodPressure.first.systolic",
                "S7 bloodPressure.first.diastolic", "S8 bloodThinnerNames", "S9 osteoporosis", "S13 weightKg");
    }

    private static ScreeningAnswers withRecheck(BloodPressure recheck, Instant takenAt) {
        return healthyAdultWith(q -> q.bloodPressure = reading(150, 92).withRecheck(recheck, takenAt));
    }

    private static List<AnswerProblem> problems(ScreeningAnswers answers) {
        return AnswerValidation.problems(answers, TODAY, NOW);
    }

    /** "questionId field" of every problem, to compare in one line. */
    private static List<String> fields(ScreeningAnswers answers) {
        return problems(answers).stream().map(problem -> problem.questionId() + " " + problem.field()).toList();
    }
}
