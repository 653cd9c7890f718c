package dev.spotter.screening.domain;

import java.util.List;
import java.util.Set;

/**
 * The screening questionnaire, version 1: questions S1-S14 of the clinical rules, section 1, with
 * the JSON fields that carry each answer. The tablet renders it; FHIR clients read it as a
 * Questionnaire resource.
 */
public final class Questionnaire {

    public static final int VERSION = 1;

    /** The kind of answer a question takes, as the tablet renders it. */
    public enum AnswerType { YES_NO, YES_NO_DATE, YES_NO_LIST, BLOOD_PRESSURE, CHOICE, WEIGHT }

    /** One question: its rule id, the text staff read out, the answer type and the JSON fields of the answer. */
    public record Question(String id, String text, AnswerType type, List<String> fields, List<String> choices) {
    }

    public static final List<Question> QUESTIONS = List.of(
            yesNo("S1", "Is the patient pregnant, or possibly pregnant?", "pregnant"),
            yesNo("S2", "Does the patient have glaucoma or ocular hypertension?", "glaucoma"),
            yesNo("S3", "Retinal detachment, retinal vascular disease, macular degeneration or diabetic retinopathy?", "retinalDisease"),
            new Question("S4", "Heart or circulatory disease (heart failure, coronary disease, arrhythmia, carotid stenosis), "
                    + "or a significant heart or lung disorder in the last 6 months?", AnswerType.YES_NO_DATE,
                    List.of("heartDisease", "heartDiseaseDate"), List.of()),
            new Question("S5", "Has the patient had a stroke or TIA? When?", AnswerType.YES_NO_DATE,
                    List.of("strokeOrTia", "strokeOrTiaDate"), List.of()),
            yesNo("S6", "Diagnosed hypertension, or taking blood-pressure medicine?", "hypertension"),
            new Question("S7", "Blood pressure today, seated (a recheck after 5 minutes counts).", AnswerType.BLOOD_PRESSURE,
                    List.of("bloodPressure"), List.of()),
            new Question("S8", "Blood thinners (anticoagulants, daily aspirin)? Which?", AnswerType.YES_NO_LIST,
                    List.of("bloodThinners", "bloodThinnerNames"), List.of()),
            new Question("S9", "Osteoporosis, a vertebral or recent fracture, or spinal implants?", AnswerType.CHOICE,
                    List.of("osteoporosis", "vertebralFracture", "recentFracture", "fractureDate", "spinalImplants"),
                    List.of("NONE", "MILD", "SEVERE")),
            yesNo("S10", "A hiatal, ventral or abdominal hernia?", "hernia"),
            yesNo("S11", "Acid reflux (GERD)?", "reflux"),
            yesNo("S12", "Current conjunctivitis or middle-ear infection?", "earOrEyeInfection"),
            new Question("S13", "Body weight in kg.", AnswerType.WEIGHT, List.of("weightKg"), List.of()),
            yesNo("S14", "A new bladder or bowel problem, or worsening leg weakness or numbness?", "neurologicalRedFlags"));

    public static final Set<String> RULE_IDS = Set.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14");

    /** The rules that can give NEEDS_CLEARANCE, so a physician may clear them; the others are contraindications only. */
    public static final Set<String> CLEARABLE_RULES = Set.of("S5", "S6", "S7", "S8", "S9", "S10", "S11");

    private Questionnaire() {
    }

    private static Question yesNo(String id, String text, String field) {
        return new Question(id, text, AnswerType.YES_NO, List.of(field), List.of());
    }
}
