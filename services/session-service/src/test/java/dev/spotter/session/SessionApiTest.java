package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import dev.spotter.events.Priority;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** session-service against the real broker and database: the tablet's API, its events, and the alert status it shows. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class SessionApiTest {

    private static final String NORTH_TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String RIVER_TABLET = TestTokens.issue("tablet.river", "riverside", "tablet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaTestClient kafka;
    private UUID patient;

    @Inject
    TestClock clock;

    @BeforeEach
    void registerAClearedPatient() {
        kafka = new KafkaTestClient(bootstrapServers);
        patient = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening("northside", patient, Instant.now().plus(Duration.ofDays(1)))));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aContraindicatedPatientCannotStartASession() {
        UUID contraindicated = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", contraindicated)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", contraindicated)));
        kafka.send(TestEvents.encode(TestEvents.contraindicatedScreening("northside", contraindicated)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of("patientId", contraindicated.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                        .when().post("/api/sessions")
                        .then().statusCode(409).contentType("application/problem+json")
                        .body("type", equalTo("urn:spotter:problem:not-cleared"))
                        .body("detail", containsString("S2")));
    }

    @Test
    void noSessionStartsOnceTheEligibilityHasExpired() {
        startSession();

        clock.advance(Duration.ofDays(1).plusMinutes(1));

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                .when().post("/api/sessions")
                .then().statusCode(409).body("type", equalTo("urn:spotter:problem:screening-expired"));
    }

    @Test
    void aStageTwoReadingWithoutABloodPressureClearanceIsRefusedAndNothingIsWritten() {
        startSession();
        long before = sessionCount();

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(startWith(145, 92))
                .when().post("/api/sessions")
                .then().statusCode(409).body("errors[0].field", equalTo("bloodPressure"));

        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void aCrisisReadingIsRefusedKeptForTheRecordAndAlerts() {
        startSession();

        String detail = given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(startWith(182, 100))
                .when().post("/api/sessions")
                .then().statusCode(409).body("errors[0].field", equalTo("bloodPressure")).extract().path("detail");

        String refused = detail.replaceAll(".*Session ([0-9a-f-]{36}) records the reading.*", "$1");
        given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", refused)
                .then().statusCode(200).body("status", equalTo("REFUSED")).body("bpBeforeSystolic", equalTo(182));
        var flagged = kafka.read(Topics.SESSION_EVENTS.name(), records -> records.stream().anyMatch(r -> refused.equals(r.key())
                && "dev.spotter.session.session-flagged.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE))), Duration.ofSeconds(20));
        assertThat(flagged).anyMatch(r -> refused.equals(r.key())
                && "dev.spotter.session.session-flagged.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE)));
        assertThat(flagged).noneMatch(r -> refused.equals(r.key())
                && "dev.spotter.session.session-started.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE)));
    }

    private Map<String, Object> startWith(int systolic, int diastolic) {
        return Map.of("patientId", patient.toString(), "spotter", "Sam Spotter",
                "bloodPressure", Map.of("systolic", systolic, "diastolic", diastolic), "painBefore", 4);
    }

    private long sessionCount() {
        return given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.patientId == '" + patient + "' }").size();
    }

    @Test
    void anAngleAboveTheFirstWeeksCeilingIsRefusedNamingTheField() {
        startSession();

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4, "angleDegrees", 31, "holdSeconds", 60))
                .when().post("/api/sessions")
                .then().statusCode(422).body("errors[0].field", equalTo("angleDegrees"));
    }

    @Test
    void theFifthSessionInAWeekIsRefused() {
        for (int i = 0; i < 4; i++) {
            startSession();
        }
        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                .when().post("/api/sessions")
                .then().statusCode(409).body("type", equalTo("urn:spotter:problem:weekly-limit"));
    }

    @Test
    void aStopSymptomEndsTheInversionShowsTheStopProtocolAndIsPublished() {
        String session = startSession();

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of("code", "chest-pain"))
                .when().post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(201)
                .body("priority", equalTo("HIGH"))
                .body("stopSymptom", equalTo(true))
                .body("stopProtocol", equalTo("Bring the table slowly to horizontal. Keep the patient lying down. The spotter stays. Take BP and heart rate."));

        given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                .then().statusCode(200).body("status", equalTo("STOPPED")).body("angleDegrees", equalTo(20)).body("holdSeconds", equalTo(60)).body("symptoms", hasSize(1)).body("alert", nullValue());
        var published = kafka.read(Topics.SESSION_EVENTS.name(),
                records -> records.stream().anyMatch(r -> isSymptomOf(r.key(), r.headers().lastHeader(CloudEventCodec.H_TYPE), session)),
                Duration.ofSeconds(20));
        assertThat(published).anyMatch(r -> isSymptomOf(r.key(), r.headers().lastHeader(CloudEventCodec.H_TYPE), session));
    }

    @Test
    void anUnknownSymptomCodeIsA400NamingTheFieldAndWritesNothing() {
        String session = startSession();

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of("code", "chest-pains"))
                .when().post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(400).body("errors[0].field", equalTo("code"));

        given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("symptoms", hasSize(0));
    }

    @Test
    void anotherClinicCannotSeeOrChangeTheSession() {
        String session = startSession();

        given().when().get("/api/sessions/{id}", session).then().statusCode(401);
        given().auth().oauth2(RIVER_TABLET).when().get("/api/sessions/{id}", session).then().statusCode(404);
        given().auth().oauth2(RIVER_TABLET).contentType(ContentType.JSON).body(Map.of("code", "chest-pain"))
                .when().post("/api/sessions/{id}/symptoms", session).then().statusCode(404);
        given().auth().oauth2(RIVER_TABLET).when().get("/api/sessions").then().statusCode(200)
                .body("findAll { it.id == '" + session + "' }", hasSize(0));
        given().auth().oauth2(RIVER_TABLET).contentType(ContentType.JSON).body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4))
                .when().post("/api/sessions").then().statusCode(422).body("errors[0].field", equalTo("patientId"));

        given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                .then().statusCode(200).body("symptoms", hasSize(0));
    }

    @Test
    void theSessionShowsTheAlertThatAlertServiceRaised() {
        String session = startSession();
        AlertRaised raised = TestEvents.alertRaised("northside", UUID.fromString(session), patient);

        kafka.send(TestEvents.encode(raised));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                        .then().statusCode(200)
                        .body("alert.alertId", equalTo(raised.alertId().toString()))
                        .body("alert.status", equalTo("RAISED"))
                        .body("alert.priority", equalTo("HIGH")));
    }

    @Test
    void theSessionShowsWhoWasPagedAndWhoAcknowledged() {
        String session = startSession();
        AlertRaised raised = TestEvents.alertRaised("northside", UUID.fromString(session), patient);
        Instant paged = Instant.now();
        kafka.send(TestEvents.encode(raised));
        kafka.send(TestEvents.encode(new AlertStatusChanged(UUID.randomUUID(), "northside", paged, raised.alertId(),
                raised.sessionId(), null, patient, AlertStatusChanged.Change.NOBODY_ON_CALL, "RAISED", Priority.HIGH, 0,
                List.of(), null, paged)));
        kafka.send(TestEvents.encode(new AlertStatusChanged(UUID.randomUUID(), "northside", paged, raised.alertId(),
                raised.sessionId(), null, patient, AlertStatusChanged.Change.PAGED, "RAISED", Priority.HIGH, 1,
                List.of(new AlertStatusChanged.Page("dr.north", "console"), new AlertStatusChanged.Page("dr.north", "webhook")),
                null, paged.plusSeconds(60))));
        kafka.send(TestEvents.encode(new AlertStatusChanged(UUID.randomUUID(), "northside", paged.plusSeconds(1), raised.alertId(),
                raised.sessionId(), null, patient, AlertStatusChanged.Change.DELIVERY_FAILED, "RAISED", Priority.HIGH, 1,
                List.of(new AlertStatusChanged.Page("dr.north", "webhook")), null, paged.plusSeconds(60))));
        kafka.send(TestEvents.encode(new AlertStatusChanged(UUID.randomUUID(), "northside", paged.plusSeconds(2), raised.alertId(),
                raised.sessionId(), null, patient, AlertStatusChanged.Change.DELIVERED, "RAISED", Priority.HIGH, 1,
                List.of(new AlertStatusChanged.Page("dr.north", "email")), null, paged.plusSeconds(60))));
        kafka.send(TestEvents.encode(new AlertStatusChanged(UUID.randomUUID(), "northside", paged.plusSeconds(20), raised.alertId(),
                raised.sessionId(), null, patient, AlertStatusChanged.Change.ACKNOWLEDGED, "ACKNOWLEDGED", Priority.HIGH, 0,
                List.of(), "dr.north", null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                        .then().statusCode(200)
                        .body("alert.status", equalTo("ACKNOWLEDGED"))
                        .body("alert.acknowledgedBy", equalTo("dr.north"))
                        .body("alert.nextEscalationAt", nullValue())
                        .body("alert.notified.outcome", contains("nobody-on-call", "paged", "failed", "delivered"))
                        .body("alert.notified.channel", contains(null, "console", "webhook", "email"))
                        .body("alert.notified[0].level", equalTo(0))
                        .body("alert.notified[1].who", equalTo("dr.north")));
        // the raise time, not the acknowledgement's (PostgreSQL keeps microseconds, rounded)
        Instant shownRaisedAt = Instant.parse(given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session)
                .then().extract().path("alert.raisedAt"));
        assertThat(Duration.between(raised.occurredAt(), shownRaisedAt).abs()).isLessThan(Duration.ofMillis(1));
    }

    @Test
    void anAlertEventNamingAnotherClinicsSessionIsDeadLettered() {
        String session = startSession();
        AlertRaised foreign = TestEvents.alertRaised("riverside", UUID.fromString(session), patient);

        kafka.send(TestEvents.encode(foreign));

        var parked = kafka.read(Topic.deadLetterTopicOf("session-service"),
                records -> records.stream().anyMatch(r -> foreign.eventId().toString().equals(KafkaTestClient.header(r, CloudEventCodec.H_ID))),
                Duration.ofSeconds(20));
        assertThat(parked).anyMatch(r -> foreign.eventId().toString().equals(KafkaTestClient.header(r, CloudEventCodec.H_ID)));
        given().auth().oauth2(NORTH_TABLET).when().get("/api/sessions/{id}", session).then().body("alert", nullValue());
    }

    /** Starts a session once the patient's registration, plan and screening have arrived from the screening topic. */
    private String startSession() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", 4)).when().post("/api/sessions");
            id[0] = response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static boolean isSymptomOf(String key, org.apache.kafka.common.header.Header type, String session) {
        return session.equals(key) && type != null && new String(type.value()).equals("dev.spotter.session.symptom-reported.v1");
    }
}
