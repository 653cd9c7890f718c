package dev.spotter.screening.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The answers S1-S14 of questionnaire version 1; a 'yes + date' answer carries the date of the diagnosis or event. */
public record ScreeningAnswers(
        boolean pregnant,
        boolean glaucoma,
        boolean retinalDisease,
        boolean heartDisease, LocalDate heartDiseaseDate,
        boolean strokeOrTia, LocalDate strokeOrTiaDate,
        boolean hypertension,
        BpReading bloodPressure,
        boolean bloodThinners, List<String> bloodThinnerNames,
        Osteoporosis osteoporosis, boolean vertebralFracture, boolean recentFracture, LocalDate fractureDate, boolean spinalImplants,
        boolean hernia,
        boolean reflux,
        boolean earOrEyeInfection,
        BigDecimal weightKg,
        boolean neurologicalRedFlags) {

    public ScreeningAnswers {
        bloodThinnerNames = bloodThinnerNames == null ? List.of() : List.copyOf(bloodThinnerNames);
    }
}
