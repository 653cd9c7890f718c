package dev.spotter.session.domain;

import dev.spotter.events.Priority;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stop-symptom catalogue of the clinical rules, section 3: every one ends the inversion at
 * once and raises an alert of its priority. {@code code} is what the tablet sends.
 */
public enum Symptom {
    CHEST_PAIN("chest-pain", "Chest pain", List.of("29857009"), Priority.HIGH,
            "Emergency protocol. No further sessions until a physician has reviewed the patient.", Review.PHYSICIAN),
    FAINTING("fainting", "Fainting (syncope)", List.of("271594007"), Priority.HIGH,
            "Keep the patient lying flat. Emergency protocol."),
    SUDDEN_HEADACHE("sudden-headache", "Sudden headache", List.of("25064002", "385315009"), Priority.HIGH,
            "Take blood pressure now: 180/120 or above is an emergency."),
    NEW_WEAKNESS("new-weakness", "New weakness", List.of("26544005"), Priority.HIGH,
            "Stroke screen."),
    VISUAL_DISTURBANCE("visual-disturbance", "Visual disturbance", List.of("63102001"), Priority.HIGH,
            "Eye check. Ophthalmology review before the next session.", Review.OPHTHALMOLOGY),
    NEW_NUMBNESS("new-numbness", "New numbness", List.of("44077006"), Priority.HIGH,
            "Neurological check."),
    DIZZINESS("dizziness", "Dizziness", List.of("404640003"), Priority.MEDIUM,
            "Let the patient rise slowly. Take blood pressure."),
    WORSENING_BACK_PAIN("worsening-back-pain", "Worsening back pain", List.of("279039007"), Priority.MEDIUM,
            "Step the dose back next session."),
    NAUSEA("nausea", "Nausea", List.of("422587007"), Priority.LOW,
            "End the session."),
    EYE_REDNESS("eye-redness", "Eye redness or petechiae", List.of(), Priority.LOW,
            "Document it. Review before the next session.", Review.CLINICIAN);

    /** What staff do for every stop-symptom, before anything else, without waiting for a clinician. */
    public static final String STOP_PROTOCOL =
            "Bring the table slowly to horizontal. Keep the patient lying down. The spotter stays. Take BP and heart rate.";

    private final String code;
    private final String label;
    private final List<String> snomedCodes;
    private final Priority basePriority;
    private final String extraAction;
    private final Review review;

    Symptom(String code, String label, List<String> snomedCodes, Priority basePriority, String extraAction) {
        this(code, label, snomedCodes, basePriority, extraAction, null);
    }

    Symptom(String code, String label, List<String> snomedCodes, Priority basePriority, String extraAction, Review review) {
        this.code = code;
        this.label = label;
        this.snomedCodes = snomedCodes;
        this.basePriority = basePriority;
        this.extraAction = extraAction;
        this.review = review;
    }

    public static Optional<Symptom> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Symptom::code).toList();
    }

    /** Every symptom in the catalogue ends the inversion. */
    public boolean isStopSymptom() {
        return true;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public List<String> snomedCodes() {
        return snomedCodes;
    }

    public Priority basePriority() {
        return basePriority;
    }

    public String extraAction() {
        return extraAction;
    }

    /** The review this symptom requires before the patient's next session, if any. */
    public Optional<Review> review() {
        return Optional.ofNullable(review);
    }
}
