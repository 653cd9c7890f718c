package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety-critical path through the three real services, the real broker and real PostgreSQL:
 * a tablet logs chest pain; the clinic's clinicians see exactly one alert; the tablet sees it raised.
 */
class ChestPainEndToEndIT {

    private static final Duration ALERT_DEADLINE = Duration.ofSeconds(5);

    private static Platform platform;
    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform);
    }

    @Test
    void chestPainRaisesExactlyOneAlertOnItsClinicsStreamOnlyAndShowsOnTheSession() throws Exception {
        String session = clinic.sessionOfNewClearedPatient("Ana Ferreira");
        try (SseClient north = SseClient.open(platform.alert.uri("/api/alerts/stream"), Clinic.CLINICIAN);
             SseClient river = SseClient.open(platform.alert.uri("/api/alerts/stream"), Clinic.RIVER_CLINICIAN)) {
            assertThat(north.next("subscribed", ALERT_DEADLINE)).isNotNull();
            assertThat(river.next("subscribed", ALERT_DEADLINE)).isNotNull();

            Instant posted = Instant.now();
            assertThat(clinic.logSymptom(session, "chest-pain").status()).isEqualTo(201);

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
                JsonNode shown = Http.get(platform.session.uri("/api/sessions/" + session), Clinic.TABLET).body();
                assertThat(shown.at("/alert/status").asText()).isEqualTo("RAISED");
                assertThat(shown.at("/alert/alertId").asText()).isEqualTo(alert.get("id").asText());
            });
            assertThat(alertsOfSession(Clinic.CLINICIAN, session)).hasSize(1);
            assertThat(alertsOfSession(Clinic.RIVER_CLINICIAN, session)).isEmpty();
        }
    }

    @Test
    void everyChestPainOfARunReachesTheStreamInTime() throws Exception {
        int rounds = 20;
        List<Long> millis = new ArrayList<>();
        try (SseClient north = SseClient.open(platform.alert.uri("/api/alerts/stream"), Clinic.CLINICIAN)) {
            assertThat(north.next("subscribed", ALERT_DEADLINE)).isNotNull();
            for (int i = 0; i < rounds; i++) {
                String session = clinic.sessionOfNewClearedPatient("Patient " + i);
                Instant posted = Instant.now();
                assertThat(clinic.logSymptom(session, "chest-pain").status()).isEqualTo(201);
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
