package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Priority;
import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** alert-service against the real broker and database: once-only alerts, dead-lettering, tenancy. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class AlertConsumptionTest {

    private static final String DLQ = Topic.deadLetterTopicOf("alert-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRedeliveredSymptomCreatesNoSecondAlert() {
        UUID session = UUID.randomUUID();
        SymptomReported chestPain = TestEvents.symptom("northside", session, "chest-pain", Priority.HIGH);
        SymptomReported dizziness = TestEvents.symptom("northside", session, "dizziness", Priority.MEDIUM);
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);

        kafka.send(TestEvents.encode(chestPain));
        kafka.send(TestEvents.encode(chestPain));
        kafka.send(TestEvents.encode(dizziness)); // same key, so it is applied after both deliveries

        await().atMost(Duration.ofSeconds(20)).until(() -> timelineOf(session, "northside").size() == 2);
        List<Map<String, Object>> alerts = alertsOfSession(session, "northside");
        assertThat(alerts).hasSize(1);
        assertThat(timelineOf(session, "northside")).extracting(e -> e.get("kind") + ":" + e.get("cause"))
                .containsExactly("RAISED:chest-pain", "CAUSE_ADDED:dizziness");
        assertThat(alertRaisedEventsFor(session, kafka)).hasSize(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventIsStillProcessed() {
        UUID session = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        byte[] poison = "{\"this\": is not an event".getBytes(StandardCharsets.UTF_8);

        kafka.send(Topics.SESSION_EVENTS.name(), session.toString(), Map.of(), poison);
        kafka.send(TestEvents.encode(TestEvents.symptom("northside", session, "fainting", Priority.HIGH)));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOfSession(session, "northside").size() == 1);
        List<ConsumerRecord<String, byte[]>> parked = kafka.read(DLQ,
                records -> records.stream().anyMatch(r -> session.toString().equals(r.key())), Duration.ofSeconds(20))
                .stream().filter(r -> session.toString().equals(r.key())).toList();
        assertThat(parked).hasSize(1);
        assertThat(parked.getFirst().value()).isEqualTo(poison);
        assertThat(KafkaTestClient.header(parked.getFirst(), "dead-letter-reason")).contains("CloudEvents");
        assertThat(deadLetterCount("unreadable")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aSymptomOfAnotherClinicForAnExistingAlertIsDeadLetteredNotApplied() {
        UUID session = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send(TestEvents.encode(TestEvents.symptom("northside", session, "chest-pain", Priority.HIGH)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOfSession(session, "northside").size() == 1);

        SymptomReported foreign = TestEvents.symptom("riverside", session, "syncope", Priority.HIGH);
        kafka.send(TestEvents.encode(foreign));

        List<ConsumerRecord<String, byte[]>> parked = kafka.read(DLQ,
                records -> records.stream().anyMatch(r -> foreign.eventId().toString().equals(KafkaTestClient.header(r, CloudEventCodec.H_ID))),
                Duration.ofSeconds(20));
        assertThat(parked).anyMatch(r -> foreign.eventId().toString().equals(KafkaTestClient.header(r, CloudEventCodec.H_ID)));
        assertThat(timelineOf(session, "northside")).hasSize(1);
        assertThat(alertsOfSession(session, "riverside")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUrgentScreeningFindingRaisesOneAlertForTheScreening() {
        UUID patient = UUID.randomUUID();
        UUID screening = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send(TestEvents.encode(new UrgentFindingReported(UUID.randomUUID(), "northside", Instant.now(), patient, screening,
                "S14", Priority.HIGH, "New bladder or bowel problem: same-day referral.")));
        kafka.send(TestEvents.encode(new UrgentFindingReported(UUID.randomUUID(), "northside", Instant.now(), patient, screening,
                "S7", Priority.HIGH, "Blood pressure 182/100: hypertensive crisis.")));

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsOfScreening(screening).size() == 1
                && causes((List<Map<String, Object>>) alertsOfScreening(screening).getFirst().get("timeline")).size() == 2);
        Map<String, Object> alert = alertsOfScreening(screening).getFirst();
        assertThat(alert).containsEntry("cause", "S14").containsEntry("priority", "HIGH").containsEntry("sessionId", null);
        List<AlertRaised> raised = kafka.read(Topics.ALERT_EVENTS.name(), records -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> patient.toString().equals(r.key()))
                .map(r -> CloudEventCodec.decode(Topics.ALERT_EVENTS, KafkaTestClient.headers(r), r.value()))
                .filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast).toList();
        assertThat(raised).singleElement().satisfies(e -> assertThat(e.screeningId()).isEqualTo(screening));
    }

    @Test
    void aTrippedWatchdogRaisesTheSessionsAlertAndAHigherOneRaisesItsPriority() {
        UUID session = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        kafka.send(TestEvents.encode(new SessionFlagged(UUID.randomUUID(), "northside", Instant.now(), session, patient,
                "HOLD_OVERDUE", Priority.MEDIUM, "Still inverted 60 s past the planned hold.")));
        kafka.send(TestEvents.encode(new SessionFlagged(UUID.randomUUID(), "northside", Instant.now(), session, patient,
                "TABLET_SILENT", Priority.HIGH, "No heartbeat for 45 s while inverted.")));

        await().atMost(Duration.ofSeconds(20)).until(() -> timelineOf(session, "northside").size() == 3);
        assertThat(alertsOfSession(session, "northside")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("cause", "HOLD_OVERDUE").containsEntry("priority", "HIGH"));
        assertThat(timelineOf(session, "northside")).extracting(e -> e.get("kind") + ":" + e.get("cause"))
                .containsExactly("RAISED:HOLD_OVERDUE", "CAUSE_ADDED:TABLET_SILENT", "PRIORITY_RAISED:TABLET_SILENT");
    }

    @TestHTTPResource("/api/alerts/stream")
    URI stream;

    @Test
    void theStreamSaysItIsSubscribedAndKeepsTheConnectionAlive() throws Exception {
        try (SseClient client = SseClient.open(stream, TestTokens.issue("dr.north", "northside", "clinician"))) {
            assertThat(client.next("subscribed", Duration.ofSeconds(5))).isNotNull().extracting(SseClient.Event::data).isEqualTo("northside");
            await().atMost(Duration.ofSeconds(5)).until(() -> client.comments() >= 1);
        }
    }

    @Test
    void theOpenApiDocumentShowsTheStreamAsServerSentEvents() {
        Map<String, Object> answer = given().auth().oauth2(TestTokens.ops("ops.on.duty")).when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths.'/api/alerts/stream'.get.responses.'200'.content");
        assertThat(answer).containsKey("text/event-stream");
    }

    @Test
    void theAlertListIsForCliniciansOfTheClinicOnly() {
        given().when().get("/api/alerts").then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("tablet.north", "northside", "tablet")).when().get("/api/alerts").then().statusCode(403);
        given().auth().oauth2(TestTokens.issue("dr.north", "northside", "clinician"))
                .when().get("/api/alerts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    private static List<Map<String, Object>> alertsOfSession(UUID session, String clinic) {
        JsonPath alerts = given().auth().oauth2(TestTokens.issue("dr." + clinic, clinic, "clinician"))
                .when().get("/api/alerts").then().statusCode(200).extract().jsonPath();
        return alerts.<Map<String, Object>>getList("$").stream().filter(a -> session.toString().equals(a.get("sessionId"))).toList();
    }

    private static List<Map<String, Object>> alertsOfScreening(UUID screening) {
        JsonPath alerts = given().auth().oauth2(TestTokens.issue("dr.north", "northside", "clinician"))
                .when().get("/api/alerts").then().statusCode(200).extract().jsonPath();
        return alerts.<Map<String, Object>>getList("$").stream().filter(a -> screening.toString().equals(a.get("screeningId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timelineOf(UUID session, String clinic) {
        List<Map<String, Object>> alerts = alertsOfSession(session, clinic);
        return alerts.isEmpty() ? List.of() : causes((List<Map<String, Object>>) alerts.getFirst().get("timeline"));
    }

    /** The timeline's entries about what raised the alert, without the pages its escalation sent. */
    private static List<Map<String, Object>> causes(List<Map<String, Object>> timeline) {
        return timeline.stream().filter(e -> List.of("RAISED", "CAUSE_ADDED", "PRIORITY_RAISED").contains(e.get("kind"))).toList();
    }

    private static List<AlertRaised> alertRaisedEventsFor(UUID session, KafkaTestClient kafka) {
        return kafka.read(Topics.ALERT_EVENTS.name(), records -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> session.toString().equals(r.key()))
                .map(r -> CloudEventCodec.decode(Topics.ALERT_EVENTS, KafkaTestClient.headers(r), r.value()))
                .filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast).toList();
    }


    private static double deadLetterCount(String kind) {
        String metrics = given().auth().oauth2(TestTokens.ops("ops.on.duty")).when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("spotter_events_dead_lettered_total{") && l.contains("kind=\"" + kind + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
