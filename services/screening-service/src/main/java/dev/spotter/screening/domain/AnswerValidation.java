package dev.spotter.screening.domain;

import dev.spotter.clinical.BloodPressure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks a questionnaire's answers before they are judged, and names every problem with its question and field. */
public final class AnswerValidation {

    static final Duration RECHECK_WAIT = Duration.ofMinutes(5);
    /** How far ahead of the server a tablet's clock may run before a reading time counts as in the future. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    private static final BigDecimal HEAVIEST_PLAUSIBLE_KG = new BigDecimal("500");

    private AnswerValidation() {
    }

    /** Every problem, in question order; empty when the answers are valid. */
    public static List<AnswerProblem> problems(ScreeningAnswers answers, LocalDate today, Instant now) {
        List<AnswerProblem> problems = new ArrayList<>();
        notInFuture("S4", "heartDiseaseDate", answers.heartDiseaseDate(), today, problems);
        requiredWhenYes(answers.strokeOrTia(), "S5", "strokeOrTiaDate", answers.strokeOrTiaDate(), problems);
        notInFuture("S5", "strokeOrTiaDate", answers.strokeOrTiaDate(), today, problems);
        new BloodPressureCheck(now, problems).check(answers.bloodPressure());
        checkBloodThinners(answers, problems);
        checkSpine(answers, today, problems);
        checkWeight(answers.weightKg(), problems);
        return List.copyOf(problems);
    }

    private static void notInFuture(String questionId, String field, LocalDate date, LocalDate today, List<AnswerProblem> problems) {
        if (date != null && date.isAfter(today)) {
            problems.add(new AnswerProblem(questionId, field, "The date " + date + " is in the future."));
        }
    }

    private static void requiredWhenYes(boolean answeredYes, String questionId, String field, LocalDate date, List<AnswerProblem> problems) {
        if (answeredYes && date == null) {
            problems.add(new AnswerProblem(questionId, field, "The date is required when the answer is yes."));
        }
    }

    private static void checkBloodThinners(ScreeningAnswers answers, List<AnswerProblem> problems) {
        boolean named = answers.bloodThinnerNames().stream().anyMatch(name -> name != null && !name.isBlank());
        if (answers.bloodThinners() && !named) {
            problems.add(new AnswerProblem("S8", "bloodThinnerNames", "Name the blood thinners the patient takes."));
        }
    }

    private static void checkSpine(ScreeningAnswers answers, LocalDate today, List<AnswerProblem> problems) {
        if (answers.osteoporosis() == null) {
            problems.add(new AnswerProblem("S9", "osteoporosis", "Osteoporosis (none, mild or severe) is required."));
        }
        requiredWhenYes(answers.recentFracture(), "S9", "fractureDate", answers.fractureDate(), problems);
        notInFuture("S9", "fractureDate", answers.fractureDate(), today, problems);
    }

    private static void checkWeight(BigDecimal weightKg, List<AnswerProblem> problems) {
        if (weightKg == null) {
            problems.add(new AnswerProblem("S13", "weightKg", "Body weight is required."));
        } else if (weightKg.signum() <= 0 || weightKg.compareTo(HEAVIEST_PLAUSIBLE_KG) > 0) {
            problems.add(new AnswerProblem("S13", "weightKg", "Body weight must be above 0 and at most 500 kg."));
        }
    }

    /** S7: plausible readings, and a recheck that waited its 5 minutes. */
    private record BloodPressureCheck(Instant now, List<AnswerProblem> problems) {

        void check(BpReading reading) {
            if (reading == null || reading.first() == null) {
                problem(reading == null ? "bloodPressure" : "bloodPressure.first", "Blood pressure today is required.");
                return;
            }
            checkRange("bloodPressure.first", reading.first());
            notInFuture("bloodPressure.firstTakenAt", reading.firstTakenAt());
            if (reading.recheck() != null) {
                checkRecheck(reading);
            } else if (reading.recheckTakenAt() != null) {
                problem("bloodPressure.recheck", "A recheck time was given without the recheck reading.");
            }
        }

        private void checkRange(String field, BloodPressure bp) {
            if (bp.systolic() < 50 || bp.systolic() > 300) {
                problem(field + ".systolic", "Systolic must be between 50 and 300 mmHg.");
            }
            if (bp.diastolic() < 30 || bp.diastolic() > 200) {
                problem(field + ".diastolic", "Diastolic must be between 30 and 200 mmHg.");
            }
            if (bp.diastolic() >= bp.systolic()) {
                problem(field + ".diastolic", "Diastolic must be below systolic.");
            }
        }

        private void checkRecheck(BpReading reading) {
            checkRange("bloodPressure.recheck", reading.recheck());
            if (reading.recheckTakenAt() == null) {
                problem("bloodPressure.recheckTakenAt", "The time of the recheck is required.");
                return;
            }
            notInFuture("bloodPressure.recheckTakenAt", reading.recheckTakenAt());
            if (reading.firstTakenAt() == null) {
                problem("bloodPressure.firstTakenAt", "The time of the first reading is required to check the recheck waited 5 minutes.");
            } else if (reading.recheckTakenAt().isBefore(reading.firstTakenAt().plus(RECHECK_WAIT))) {
                problem("bloodPressure.recheckTakenAt", "The recheck must be taken at least 5 minutes after the first reading.");
            }
        }

        /** A tablet's clock may run a little ahead of the server's: up to {@link #CLOCK_TOLERANCE} is not "the future". */
        private void notInFuture(String field, Instant takenAt) {
            if (takenAt != null && takenAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
                problem(field, "The time " + takenAt + " is in the future.");
            }
        }

        private void problem(String field, String message) {
            problems.add(new AnswerProblem("S7", field, message));
        }
    }
}
