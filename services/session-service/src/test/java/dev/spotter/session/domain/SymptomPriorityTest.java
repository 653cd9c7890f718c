package dev.spotter.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.events.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymptomPriorityTest {

    private static final SymptomPriority.Context PLAIN = new SymptomPriority.Context(false, false, false);

    @ParameterizedTest
    @CsvSource({
            "chest-pain, HIGH", "fainting, HIGH", "sudden-headache, HIGH", "new-weakness, HIGH",
            "visual-disturbance, HIGH", "new-numbness, HIGH", "dizziness, MEDIUM", "worsening-back-pain, MEDIUM",
            "nausea, LOW", "eye-redness, LOW"})
    void catalogueGivesTheRulesPriority(String code, Priority expected) {
        assertThat(SymptomPriority.of(Symptom.byCode(code).orElseThrow(), PLAIN)).isEqualTo(expected);
    }

    @Test
    void chestPainCarriesItsSnomedCode() {
        assertThat(Symptom.CHEST_PAIN.snomedCodes()).containsExactly("29857009");
        assertThat(Symptom.SUDDEN_HEADACHE.snomedCodes()).containsExactly("25064002", "385315009");
    }

    @Test
    void numbnessMatchingAKnownSciaticPatternIsMedium() {
        assertThat(SymptomPriority.of(Symptom.NEW_NUMBNESS, new SymptomPriority.Context(false, true, false))).isEqualTo(Priority.MEDIUM);
    }

    @Test
    void dizzinessOverFiveMinutesOrWithAnotherSymptomIsHigh() {
        assertThat(SymptomPriority.of(Symptom.DIZZINESS, new SymptomPriority.Context(true, false, false))).isEqualTo(Priority.HIGH);
        assertThat(SymptomPriority.of(Symptom.DIZZINESS, new SymptomPriority.Context(false, false, true))).isEqualTo(Priority.HIGH);
    }

    @Test
    void everyCatalogueSymptomIsAStopSymptom() {
        assertThat(Symptom.values()).allMatch(Symptom::isStopSymptom);
    }

    @Test
    void unknownCodesAreNotInTheCatalogue() {
        assertThat(Symptom.byCode("chest-pains")).isEmpty();
    }
}
