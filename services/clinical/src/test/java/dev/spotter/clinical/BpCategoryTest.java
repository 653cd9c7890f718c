package dev.spotter.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BpCategoryTest {

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({
            "129, 79, NORMAL",
            "130, 79, STAGE_1", "129, 80, STAGE_1", "139, 89, STAGE_1",
            "140, 89, STAGE_2", "139, 90, STAGE_2", "179, 119, STAGE_2",
            "180, 119, CRISIS", "179, 120, CRISIS"})
    void everyBoundaryFallsInTheGuidelinesCategory(int systolic, int diastolic, BpCategory expected) {
        assertThat(BpCategory.of(new BloodPressure(systolic, diastolic))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1} is {2}")
    @CsvSource({"125, 95, STAGE_2", "185, 70, CRISIS", "150, 125, CRISIS", "110, 85, STAGE_1"})
    void theHigherCategoryOfSystolicAndDiastolicWins(int systolic, int diastolic, BpCategory expected) {
        assertThat(BpCategory.of(new BloodPressure(systolic, diastolic))).isEqualTo(expected);
    }

    @Test
    void aReadingIsAtOrBelowACeilingOnlyWhenBothNumbersAre() {
        BloodPressure ceiling = new BloodPressure(150, 95);

        assertThat(new BloodPressure(150, 95).atOrBelow(ceiling)).isTrue();
        assertThat(new BloodPressure(151, 90).atOrBelow(ceiling)).isFalse();
        assertThat(new BloodPressure(140, 96).atOrBelow(ceiling)).isFalse();
    }
}
