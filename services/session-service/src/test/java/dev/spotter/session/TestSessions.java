package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.TestEvents;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A session started as a tablet starts one, for a patient screening-service has just registered, planned and cleared. */
public final class TestSessions {

    /** The patient and their session's id. */
    public record Started(UUID patient, String session) {
    }

    private TestSessions() {
    }

    /** Sends the patient's screening events, then starts a session once session-service knows them (at most 20 s). */
    public static Started start(String bootstrapServers, String clinic, String tabletToken) {
        UUID patient = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send(TestEvents.encode(TestEvents.patientRegistered(clinic, patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan(clinic, patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening(clinic, patient, Instant.now().plus(Duration.ofDays(30)))));
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(tabletToken).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter",
                            "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                    .post("/api/sessions");
            id[0] = response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
            return id[0] != null;
        });
        return new Started(patient, id[0]);
    }
}
