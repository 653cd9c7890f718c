package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the northside clinic's staff do through the APIs, step by step, in the end-to-end tests. */
final class Clinic {

    static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    static final String RIVER_CLINICIAN = TestTokens.issue("dr.river", "riverside", "clinician");
    static final Duration PROPAGATION = Duration.ofSeconds(5);

    private final Platform platform;

    Clinic(Platform platform) {
        this.platform = platform;
    }

    String register(String name) throws Exception {
        Http.Reply patient = Http.post(platform.screening.uri("/api/patients"), ADMIN, Map.of("displayName", name));
        assertThat(patient.status()).isEqualTo(201);
        return patient.body().get("id").asText();
    }

    /** Screens the patient with all-"no" answers and a normal blood pressure, changed by {@code overrides}; returns the outcome. */
    String screen(String patient, Map<String, Object> overrides) throws Exception {
        Map<String, Object> answers = new HashMap<>();
        List.of("pregnant", "glaucoma", "retinalDisease", "heartDisease", "strokeOrTia", "hypertension", "bloodThinners",
                "vertebralFracture", "recentFracture", "spinalImplants", "hernia", "reflux", "earOrEyeInfection", "neurologicalRedFlags")
                .forEach(question -> answers.put(question, false));
        answers.put("bloodPressure", Map.of("first", Map.of("systolic", 122, "diastolic", 76,
                "takenAt", Instant.now().minusSeconds(60).toString())));
        answers.put("osteoporosis", "NONE");
        answers.put("weightKg", 74);
        answers.putAll(overrides);
        Http.Reply screening = Http.post(platform.screening.uri("/api/patients/" + patient + "/screenings"), TABLET, answers);
        assertThat(screening.status()).isEqualTo(201);
        return screening.body().get("outcome").asText();
    }

    Http.Reply recordClearance(String patient, List<String> scope, LocalDate expiresOn) throws Exception {
        return Http.post(platform.screening.uri("/api/patients/" + patient + "/clearances"), CLINICIAN, Map.of(
                "physicianName", "Dr Ada Byrne", "physicianId", "GMC-7654321",
                "issuedOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "scope", scope, "expiresOn", expiresOn.toString()));
    }

    Http.Reply startSession(String patient) throws Exception {
        return Http.post(platform.session.uri("/api/sessions"), TABLET, Map.of("patientId", patient, "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4));
    }

    /** Starts a session once screening's events have reached session-service (until then it is refused). */
    String startSessionWhenCleared(String patient) {
        String[] session = new String[1];
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(20)).until(() -> {
            Http.Reply started = startSession(patient);
            session[0] = started.status() == 201 ? started.body().get("id").asText() : null;
            return session[0] != null;
        });
        return session[0];
    }

    /** A new CLEARED patient with a session started. */
    String sessionOfNewClearedPatient(String name) throws Exception {
        String patient = register(name);
        assertThat(screen(patient, Map.of())).isEqualTo("CLEARED");
        return startSessionWhenCleared(patient);
    }

    Http.Reply logSymptom(String session, String code) throws Exception {
        return Http.post(platform.session.uri("/api/sessions/" + session + "/symptoms"), TABLET, Map.of("code", code));
    }
}
