package dev.spotter.bench;

import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated clinic: its admin, tablet and on-call clinician (paged by webhook at level 0), set up through the
 * APIs as a clinic would, and new CLEARED patients registered and screened on demand.
 */
final class BenchClinic {

    static final String CLINICIAN = "dr.oncall";
    private static final List<String> QUESTIONS = List.of("pregnant", "glaucoma", "retinalDisease", "heartDisease", "strokeOrTia",
            "hypertension", "bloodThinners", "vertebralFracture", "recentFracture", "spinalImplants", "hernia", "reflux",
            "earOrEyeInfection", "neurologicalRedFlags");

    final String id;
    final String admin;
    final String tablet;
    final String clinician;
    /** Each tablet's patients, registered and screened CLEARED before the load ({@link #enrol}). */
    final List<List<String>> enrolled = new ArrayList<>();
    private final BenchPlatform platform;
    private final Api api;

    BenchClinic(String id, BenchPlatform platform, Api api) {
        this.id = id;
        this.platform = platform;
        this.api = api;
        this.admin = TestTokens.issue("admin." + id, id, "clinic-admin");
        this.tablet = TestTokens.issue("tablet." + id, id, "tablet");
        this.clinician = TestTokens.issue(CLINICIAN, id, "clinician");
    }

    /** The roster: one clinician with a webhook, on call as primary for the next hours, and the signing secret. */
    void setUpRoster(WebhookReceiver hooks) {
        expect(api.put(platform.uri("alert-service", "/api/roster/clinicians/" + CLINICIAN), admin,
                Map.of("displayName", "Dr On Call", "webhookUrl", hooks.url(id + "/" + CLINICIAN))), "roster clinician");
        expect(api.put(platform.uri("alert-service", "/api/roster/settings"), admin, Map.of("timeZone", "UTC", "clinicLead", CLINICIAN)),
                "roster settings");
        expect(api.post(platform.uri("alert-service", "/api/roster/webhook-secret"), admin, Map.of()), "webhook secret");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        expect(api.post(platform.uri("alert-service", "/api/roster/shifts"), admin, Map.of("clinician", CLINICIAN, "role", "PRIMARY",
                "start", now.minusHours(1).toString(), "end", now.plusHours(12).toString())), "on-call shift");
    }

    /** Registers and screens {@code perTablet} patients for each of {@code tablets} tablets; a refusal stops the run. */
    void enrol(int tablets, int perTablet) {
        for (int tablet = 0; tablet < tablets; tablet++) {
            List<String> patients = new ArrayList<>();
            for (int i = 1; i <= perTablet; i++) {
                String patient = newClearedPatient(tablet * 1000 + i);
                if (patient == null) {
                    throw new IllegalStateException("enrolling patients in " + id + " was refused");
                }
                patients.add(patient);
            }
            enrolled.add(patients);
        }
    }

    /** A newly registered patient, screened CLEARED with all-"no" answers; null if a service refused. */
    String newClearedPatient(int number) {
        Api.Reply patient = api.post(platform.uri("screening-service", "/api/patients"), admin, Map.of("displayName", "Patient " + number));
        if (!patient.ok()) {
            return null;
        }
        Map<String, Object> answers = new HashMap<>();
        QUESTIONS.forEach(question -> answers.put(question, false));
        answers.put("bloodPressure", Map.of("first", Map.of("systolic", 122, "diastolic", 76,
                "takenAt", Instant.now().minusSeconds(60).toString())));
        answers.put("osteoporosis", "NONE");
        answers.put("weightKg", 74);
        Api.Reply screening = api.post(platform.uri("screening-service", "/api/patients/" + patient.id() + "/screenings"), tablet, answers);
        return screening.ok() ? patient.id() : null;
    }

    private static void expect(Api.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " refused: " + reply.status() + " " + reply.body());
        }
    }
}
