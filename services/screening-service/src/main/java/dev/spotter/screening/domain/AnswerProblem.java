package dev.spotter.screening.domain;

/** One problem of a questionnaire's answers: the question (e.g. "S7"), the field (e.g. "bloodPressure.first.systolic") and what is wrong. */
public record AnswerProblem(String questionId, String field, String message) {
}
