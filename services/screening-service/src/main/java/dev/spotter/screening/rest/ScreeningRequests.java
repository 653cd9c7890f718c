package dev.spotter.screening.rest;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.domain.BpReading;
import dev.spotter.screening.domain.Osteoporosis;
import dev.spotter.screening.domain.ScreeningAnswers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The screening questionnaire's answers as the tablet sends them: every question must be answered. */
public final class ScreeningRequests {

    private ScreeningRequests() {
    }

    /** One blood-pressure reading and when it was taken. */
    public record Reading(@NotNull Integer systolic, @NotNull Integer diastolic, @NotNull Instant takenAt) {
    }

    /** S7: the first reading, and a recheck taken at least 5 minutes later if there was one. */
    public record BloodPressureAnswer(@NotNull @Valid Reading first, @Valid Reading recheck) {
    }

    public record AnswersRequest(
            Boolean pregnant, Boolean glaucoma, Boolean retinalDisease,
            Boolean heartDisease, LocalDate heartDiseaseDate,
            Boolean strokeOrTia, LocalDate strokeOrTiaDate,
            Boolean hypertension,
            @Valid BloodPressureAnswer bloodPressure,
            Boolean bloodThinners, List<String> bloodThinnerNames,
            Osteoporosis osteoporosis, Boolean vertebralFracture, Boolean recentFracture, LocalDate fractureDate, Boolean spinalImplants,
            Boolean hernia, Boolean reflux, Boolean earOrEyeInfection,
            BigDecimal weightKg,
            Boolean neurologicalRedFlags) {

        /** The answers, or a 400 naming every unanswered question. */
        public ScreeningAnswers toAnswers() {
            List<Problem.FieldError> missing = new ArrayList<>();
            require(missing, "S1", "pregnant", pregnant);
            require(missing, "S2", "glaucoma", glaucoma);
            require(missing, "S3", "retinalDisease", retinalDisease);
            require(missing, "S4", "heartDisease", heartDisease);
            require(missing, "S5", "strokeOrTia", strokeOrTia);
            require(missing, "S6", "hypertension", hypertension);
            require(missing, "S7", "bloodPressure", bloodPressure);
            require(missing, "S8", "bloodThinners", bloodThinners);
            require(missing, "S9", "osteoporosis", osteoporosis);
            require(missing, "S9", "vertebralFracture", vertebralFracture);
            require(missing, "S9", "recentFracture", recentFracture);
            require(missing, "S9", "spinalImplants", spinalImplants);
            require(missing, "S10", "hernia", hernia);
            require(missing, "S11", "reflux", reflux);
            require(missing, "S12", "earOrEyeInfection", earOrEyeInfection);
            require(missing, "S13", "weightKg", weightKg);
            require(missing, "S14", "neurologicalRedFlags", neurologicalRedFlags);
            if (!missing.isEmpty()) {
                throw new ProblemException(400, "invalid-answers", "Some questions are not answered",
                        missing.stream().map(Problem.FieldError::message).collect(Collectors.joining("; ")), missing);
            }
            return new ScreeningAnswers(pregnant, glaucoma, retinalDisease, heartDisease, heartDiseaseDate, strokeOrTia, strokeOrTiaDate,
                    hypertension, reading(bloodPressure), bloodThinners, bloodThinnerNames, osteoporosis, vertebralFracture,
                    recentFracture, fractureDate, spinalImplants, hernia, reflux, earOrEyeInfection, weightKg, neurologicalRedFlags);
        }

        private static BpReading reading(BloodPressureAnswer answer) {
            BpReading first = BpReading.single(new BloodPressure(answer.first().systolic(), answer.first().diastolic()), answer.first().takenAt());
            Reading recheck = answer.recheck();
            return recheck == null ? first : first.withRecheck(new BloodPressure(recheck.systolic(), recheck.diastolic()), recheck.takenAt());
        }

        private static void require(List<Problem.FieldError> missing, String question, String field, Object value) {
            if (value == null) {
                missing.add(new Problem.FieldError(field, question + ": an answer is required"));
            }
        }
    }
}
