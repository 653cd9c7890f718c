package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** A questionnaire filled in for tests: a healthy adult, changed one answer at a time. */
final class FilledQuestionnaire {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    static final Instant FIRST_TAKEN_AT = NOW.minusSeconds(15 * 60);

    boolean pregnant;
    boolean glaucoma;
    boolean retinalDisease;
    boolean heartDisease;
    LocalDate heartDiseaseDate;
    boolean strokeOrTia;
    LocalDate strokeOrTiaDate;
    boolean hypertension;
    BpReading bloodPressure = BpReading.single(new BloodPressure(118, 76), FIRST_TAKEN_AT);
    boolean bloodThinners;
    List<String> bloodThinnerNames = List.of();
    Osteoporosis osteoporosis = Osteoporosis.NONE;
    boolean vertebralFracture;
    boolean recentFracture;
    LocalDate fractureDate;
    boolean spinalImplants;
    boolean hernia;
    boolean reflux;
    boolean earOrEyeInfection;
    BigDecimal weightKg = new BigDecimal("80");
    boolean neurologicalRedFlags;

    private FilledQuestionnaire() {
    }

    static ScreeningAnswers healthyAdult() {
        return new FilledQuestionnaire().answers();
    }

    static ScreeningAnswers healthyAdultWith(Consumer<FilledQuestionnaire> change) {
        FilledQuestionnaire questionnaire = new FilledQuestionnaire();
        change.accept(questionnaire);
        return questionnaire.answers();
    }

    static BpReading reading(int systolic, int diastolic) {
        return BpReading.single(new BloodPressure(systolic, diastolic), FIRST_TAKEN_AT);
    }

    private ScreeningAnswers answers() {
        return new ScreeningAnswers(pregnant, glaucoma, retinalDisease, heartDisease, heartDiseaseDate, strokeOrTia, strokeOrTiaDate,
                hypertension, bloodPressure, bloodThinners, bloodThinnerNames, osteoporosis, vertebralFracture, recentFracture,
                fractureDate, spinalImplants, hernia, reflux, earOrEyeInfection, weightKg, neurologicalRedFlags);
    }
}
