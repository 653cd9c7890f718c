package dev.spotter.session.domain;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Priority;
import dev.spotter.session.domain.PreSessionCheck.Decision;
import dev.spotter.session.domain.PreSessionCheck.Request;
import dev.spotter.session.domain.SessionStartRules.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreSessionCheckTest {

    private static Decision judge(int systolic, int diastolic, boolean clearance, BloodPressure ceiling, boolean stage1NeedsClearance) {
        return PreSessionCheck.judge(new Request(new BloodPressure(systolic, diastolic), clearance, ceiling, stage1NeedsClearance));
    }

    private static Decision withoutClearance(int systolic, int diastolic) {
        return judge(systolic, diastolic, false, null, true);
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "129, 79, NORMAL",
            "130, 80, STAGE_1", "130, 79, STAGE_1", "129, 80, STAGE_1", "139, 89, STAGE_1",
            "140, 90, STAGE_2", "140, 89, STAGE_2", "139, 90, STAGE_2", "179, 119, STAGE_2",
            "180, 120, CRISIS", "180, 119, CRISIS", "179, 120, CRISIS"})
    void theDecisionCarriesTheReadingsCategoryAtEveryBoundary(int systolic, int diastolic, BpCategory expected) {
        assertThat(withoutClearance(systolic, diastolic).category()).isEqualTo(expected);
    }

    @Test
    void normalPressureStartsWithoutAClearance() {
        Decision decision = withoutClearance(129, 79);

        assertThat(decision.mayStart()).isTrue();
        assertThat(decision.alert()).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"130, 80", "139, 89"})
    void stageOneNeedsABloodPressureClearanceWhenTheClinicSaysSo(int systolic, int diastolic) {
        Decision decision = withoutClearance(systolic, diastolic);

        assertThat(decision.mayStart()).isFalse();
        assertThat(decision.refusal()).hasValueSatisfying(refusal -> {
            assertThat(refusal.status()).isEqualTo(409);
            assertThat(refusal.slug()).isEqualTo("bp-needs-clearance");
            assertThat(refusal.field()).isEqualTo("bloodPressure");
            assertThat(refusal.detail()).contains("stage 1").contains(systolic + "/" + diastolic);
        });
        assertThat(decision.alert()).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"130, 80", "139, 89"})
    void stageOneStartsWithAClearanceOrWhenTheClinicNeedsNone(int systolic, int diastolic) {
        assertThat(judge(systolic, diastolic, true, null, true).mayStart()).isTrue();
        assertThat(judge(systolic, diastolic, false, null, false).mayStart()).isTrue();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"140, 90", "179, 119"})
    void stageTwoNeedsABloodPressureClearanceWhateverTheClinicsStageOneSetting(int systolic, int diastolic) {
        Decision decision = judge(systolic, diastolic, false, null, false);

        assertThat(decision.mayStart()).isFalse();
        assertThat(decision.refusal()).map(Refusal::detail).hasValueSatisfying(detail -> assertThat(detail).contains("stage 2"));
        assertThat(decision.alert()).isEmpty();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"140, 90", "179, 119"})
    void stageTwoStartsWithAClearanceThatNamesNoCeiling(int systolic, int diastolic) {
        assertThat(judge(systolic, diastolic, true, null, true).mayStart()).isTrue();
    }

    @Test
    void stageTwoStartsAtTheClearancesCeilingAndNotAboveIt() {
        BloodPressure ceiling = new BloodPressure(150, 95);

        assertThat(judge(150, 95, true, ceiling, true).mayStart()).isTrue();
        assertThat(judge(151, 95, true, ceiling, true).refusal()).map(Refusal::slug).contains("bp-above-ceiling");
        assertThat(judge(150, 96, true, ceiling, true).refusal()).hasValueSatisfying(refusal ->
                assertThat(refusal.detail()).contains("150/96").contains("ceiling of 150/95"));
    }

    @Test
    void aClearancesCeilingHoldsEvenWhenTheClinicNeedsNoClearanceForStageOne() {
        assertThat(judge(138, 84, false, new BloodPressure(135, 85), false).refusal()).map(Refusal::slug).contains("bp-above-ceiling");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"180, 120", "180, 119", "179, 120"})
    void aCrisisBlocksTheSessionAndRaisesAHighAlertWhateverTheClearance(int systolic, int diastolic) {
        Decision decision = judge(systolic, diastolic, true, null, false);

        assertThat(decision.category()).isEqualTo(BpCategory.CRISIS);
        assertThat(decision.refusal()).map(Refusal::slug).contains("bp-crisis");
        assertThat(decision.alert()).hasValueSatisfying(alert -> {
            assertThat(alert.priority()).isEqualTo(Priority.HIGH);
            assertThat(alert.cause()).isEqualTo("bp-crisis");
            assertThat(alert.reason()).contains(systolic + "/" + diastolic).contains("no session today");
        });
    }

    @Test
    void aReadingIsAtOrBelowACeilingOnlyWhenBothNumbersAre() {
        BloodPressure ceiling = new BloodPressure(150, 95);

        assertThat(new BloodPressure(150, 95).atOrBelow(ceiling)).isTrue();
        assertThat(new BloodPressure(151, 90).atOrBelow(ceiling)).isFalse();
        assertThat(new BloodPressure(140, 96).atOrBelow(ceiling)).isFalse();
    }
}
