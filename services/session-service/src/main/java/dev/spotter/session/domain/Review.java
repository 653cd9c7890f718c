package dev.spotter.session.domain;

/**
 * The review a patient needs before their next session (clinical rules, sections 3 and 6), and who gives it.
 * While one is open the start gate refuses every session.
 */
public enum Review {
    PHYSICIAN("A physician must review the patient"),
    OPHTHALMOLOGY("An ophthalmologist must review the patient's eyes"),
    CLINICIAN("A clinician must review the patient");

    private final String who;

    Review(String who) {
        this.who = who;
    }

    /** What the start gate says: who must review, and why. */
    public String before(String why) {
        return who + " before the next session: " + why;
    }
}
