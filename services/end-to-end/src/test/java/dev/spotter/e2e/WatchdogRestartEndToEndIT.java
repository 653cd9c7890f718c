package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.SseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The watchdog survives a crash: session-service is killed (SIGKILL) while a patient is inverted and the tablet has gone
 * silent; restarted, it still raises the silent-tablet alert on time, and a second crash and restart does not raise it again.
 * Real time, real processes: this test takes about a minute, the 45 s of silence the rule waits for.
 */
class WatchdogRestartEndToEndIT {

    private static final Duration SILENCE = Duration.ofSeconds(45);

    private static Platform platform;
    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform);
    }

    @Test
    void aCrashWhileThePatientIsInvertedNeitherLosesNorRepeatsTheSilentTabletAlert() throws Exception {
        String session = clinic.sessionOfNewClearedPatient("Iris Okafor");
        try (SseClient north = SseClient.open(platform.alert.uri("/api/alerts/stream"), Clinic.CLINICIAN)) {
            assertThat(north.next("subscribed", Clinic.PROPAGATION)).isNotNull();
            Http.Reply hold = Http.post(platform.session.uri("/api/sessions/" + session + "/holds"), Clinic.TABLET,
                    Map.of("angleDegrees", 20));
            assertThat(hold.status()).isEqualTo(200);
            Instant lastHeartbeat = Instant.now();

            restartAfterCrash();

            SseClient.Event raised = north.next("alert-raised", SILENCE.plusSeconds(30));
            assertThat(raised).as("the silent-tablet alert after the restart").isNotNull();
            JsonNode alert = Http.JSON.readTree(raised.data());
            assertThat(alert.get("sessionId").asText()).isEqualTo(session);
            assertThat(alert.get("priority").asText()).isEqualTo("HIGH");
            assertThat(alert.get("cause").asText()).containsIgnoringCase("silent");
            assertThat(raised.receivedAt()).as("not before the tablet was silent for 45 s")
                    .isAfter(lastHeartbeat.plus(SILENCE));

            restartAfterCrash();

            List<String> again = new ArrayList<>();
            north.collect("alert-updated", Duration.ofSeconds(5)).forEach(event -> again.add(event.data()));
            assertThat(again).as("the same watchdog firing again after a second restart").noneMatch(data -> data.contains(session));
        }
        Http.Reply alerts = Http.get(platform.alert.uri("/api/alerts"), Clinic.CLINICIAN);
        List<JsonNode> ofSession = new ArrayList<>();
        alerts.body().forEach(a -> {
            if (a.get("sessionId").asText().equals(session)) {
                ofSession.add(a);
            }
        });
        assertThat(ofSession).hasSize(1);
        List<String> causes = new ArrayList<>();
        ofSession.getFirst().get("timeline").forEach(entry -> {
            if (!List.of("PAGED", "NOBODY_ON_CALL").contains(entry.get("kind").asText())) {
                causes.add(entry.get("kind").asText() + ":" + entry.get("cause").asText());
            }
        });
        assertThat(causes).as("what raised the alert, without its pages").containsExactly("RAISED:TABLET_SILENT");
        Http.post(platform.session.uri("/api/sessions/" + session + "/upright"), Clinic.TABLET, Map.of());
    }

    private static void restartAfterCrash() throws Exception {
        platform.session.crash();
        platform.session.restart();
        platform.session.awaitReady(Duration.ofSeconds(60));
    }
}
