package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety-critical path through the three real services, the real broker and real PostgreSQL:
 * a tablet logs chest pain; the clinic's clinicians see exactly one alert; the tablet sees it raised.
 */
class ChestPainEndToEndIT {

    private static final String NORTH_ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String NORTH_TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String NORTH_CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String RIVER_CLINICIAN = TestTokens.issue("dr.river", "riverside", "clinician");
    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(5);

    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void chestPainRaisesExactlyOneAlertOnItsClinicsStreamOnlyAndShowsOnTheSession() throws Exception {
        String session = startSessionForNewPatient("Ana Ferreira");
        try (SseClient north = SseClient.open(platform.alert.uri("/api/alerts/stream"), NORTH_CLINICIAN);
             SseClient river = SseClient.open(platform.alert.uri("/api/alerts/stream"), RIVER_CLINICIAN)) {
            assertThat(north.next("subscribed", ALERT_DEADLINE)).isNotNull();
            assertThat(river.next("subscribed", ALERT_DEADLINE)).isNotNull();

            Instant posted = Instant.now();
            assertThat(logSymptom(session, "chest-pain").status()).isEqualTo(201);

            SseClient.Event raised = north.next("alert-raised", ALERT_DEADLINE);
            assertThat(raised).as("alert on the northside stream within %s", ALERT_DEADLINE).isNotNull();
            JsonNode alert = Http.JSON.readTree(raised.data());
            assertThat(alert.get("sessionId").asText()).isEqualTo(session);
            assertThat(alert.get("clinicId").asText()).isEqualTo("northside");
            assertThat(alert.get("priority").asText()).isEqualTo("HIGH");
            System.out.printf("chest pain: symptom POST to alert on the clinician stream in %d ms%n",
                    Duration.between(posted, raised.receivedAt()).toMillis());

            assertThat(north.collect("alert-raised", Duration.ofSeconds(2))).as("a second alert").isEmpty();
            assertThat(river.collect("alert-raised", Duration.ofMillis(100))).as("alerts on the other clinic's stream").isEmpty();

            await().atMost(ALERT_DEADLINE).untilAsserted(() -> {
                JsonNode shown = Http.get(platform.session.uri("/api/sessions/" + session), NORTH_TABLET).body();
                assertThat(shown.at("/alert/status").asText()).isEqualTo("RAISED");
                assertThat(shown.at("/alert/alertId").asText()).isEqualTo(alert.get("id").asText());
            });
            assertThat(alertsOfSession(NORTH_CLINICIAN, session)).hasSize(1);
            assertThat(alertsOfSession(RIVER_CLINICIAN, session)).isEmpty();
        }
    }

    @Test
    void everyChestPainOfARunReachesTheStreamInTime() throws Exception {
        int rounds = 20;
        List<Long> millis = new ArrayList<>();
        try (SseClient north = SseClient.open(platform.alert.uri("/api/alerts/stream"), NORTH_CLINICIAN)) {
            assertThat(north.next("subscribed", ALERT_DEADLINE)).isNotNull();
            for (int i = 0; i < rounds; i++) {
                String session = startSessionForNewPatient("Patient " + i);
                Instant posted = Instant.now();
                assertThat(logSymptom(session, "chest-pain").status()).isEqualTo(201);
                SseClient.Event raised = north.next("alert-raised", ALERT_DEADLINE);
                assertThat(raised).as("alert %d within %s", i, ALERT_DEADLINE).isNotNull();
                assertThat(Http.JSON.readTree(raised.data()).get("sessionId").asText()).isEqualTo(session);
                millis.add(Duration.between(posted, raised.receivedAt()).toMillis());
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("chest pain, %d sessions one after another: symptom POST to alert on the stream p50 %d ms, p90 %d ms, max %d ms%n",
                rounds, sorted.get(rounds / 2), sorted.get(rounds * 9 / 10), sorted.getLast());
    }

    private static String startSessionForNewPatient(String name) throws Exception {
        Http.Reply patient = Http.post(platform.screening.uri("/api/patients"), NORTH_ADMIN, Map.of("displayName", name));
        assertThat(patient.status()).isEqualTo(201);
        String patientId = patient.body().get("id").asText();
        String[] session = new String[1];
        // the patient reaches session-service as an event; until then the start is refused with 422
        await().atMost(ALERT_DEADLINE).pollInterval(Duration.ofMillis(20)).until(() -> {
            Http.Reply started = Http.post(platform.session.uri("/api/sessions"), NORTH_TABLET, Map.of("patientId", patientId));
            session[0] = started.status() == 201 ? started.body().get("id").asText() : null;
            return session[0] != null;
        });
        return session[0];
    }

    private static Http.Reply logSymptom(String session, String code) throws Exception {
        return Http.post(platform.session.uri("/api/sessions/" + session + "/symptoms"), NORTH_TABLET, Map.of("code", code));
    }

    private static List<JsonNode> alertsOfSession(String token, String session) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        Http.get(platform.alert.uri("/api/alerts"), token).body().forEach(a -> {
            if (a.get("sessionId").asText().equals(session)) {
                found.add(a);
            }
        });
        return found;
    }
}
