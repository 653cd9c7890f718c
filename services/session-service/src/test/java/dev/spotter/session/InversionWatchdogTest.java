package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Topics;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.session.service.WatchdogService;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holds within the limits, and watchdogs that raise each alert once on time, with time moved by hand. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class InversionWatchdogTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    @Inject
    WatchdogService watchdog;

    private KafkaTestClient kafka;
    private UUID patient;
    private String session;

    @BeforeEach
    void startASession() {
        kafka = new KafkaTestClient(bootstrapServers);
        TestSessions.Started started = TestSessions.start(bootstrapServers, "northside", TABLET);
        patient = started.patient();
        session = started.session();
    }

    @AfterEach
    void uprightAndBackToRealTime() {
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session);
        clock.reset();
    }

    @Test
    void noSpotterNoStart() {
        Map<String, Object> body = new HashMap<>();
        body.put("patientId", UUID.randomUUID().toString());
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(body).when().post("/api/sessions")
                .then().statusCode(400).body("errors.field", hasItem("spotter"));
    }

    @Test
    void anAngleAboveTheFirstWeeksCeilingIsRefusedNotClipped() {
        hold(31).then().statusCode(422).body("errors[0].field", equalTo("angleDegrees"));
        hold(30).then().statusCode(200).body("inverted", equalTo(true)).body("currentAngleDegrees", equalTo(30));
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", 35))
                .when().put("/api/sessions/{id}/angle", session).then().statusCode(422);
        given().auth().oauth2(TABLET).when().get("/api/sessions/{id}", session).then().body("currentAngleDegrees", equalTo(30));
    }

    @Test
    void comingUprightCountsTheTimeInverted() {
        given().auth().oauth2(TABLET).when().get("/api/courses/{id}/next-session", patient)
                .then().statusCode(200).body("angleDegrees", equalTo(20)).body("holdSeconds", equalTo(60))
                .body("reason", equalTo("First session: the plan's starting angle and hold."));
        hold(20).then().statusCode(200);
        clock.advance(Duration.ofSeconds(50));
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session)
                .then().statusCode(200).body("inverted", equalTo(false)).body("invertedSecondsBefore", equalTo(50));
        given().auth().oauth2(TABLET).when().get("/api/sessions/{id}/inversion", session)
                .then().statusCode(200).body("kind", equalTo(List.of("HOLD_STARTED", "UPRIGHT")));
        given().auth().oauth2(TestTokens.issue("tablet.river", "riverside", "tablet")).when().get("/api/sessions/{id}/inversion", session)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.issue("tablet.river", "riverside", "tablet")).when().post("/api/sessions/{id}/upright", session)
                .then().statusCode(404);
    }

    @Test
    void aPatientLeftInvertedRaisesMediumThenHighEachOnce() {
        hold(20).then().statusCode(200); // planned hold 60 s: MEDIUM at 60 + 60 s, HIGH at 60 + 120 s (the 3-minute limit)

        advanceWithHeartbeats(Duration.ofSeconds(119));
        assertThat(watchdog.check()).isZero();
        advanceWithHeartbeats(Duration.ofSeconds(1));
        assertThat(watchdog.check()).isEqualTo(1);
        assertThat(watchdog.check()).as("checked again, as after a restart").isZero();

        advanceWithHeartbeats(Duration.ofSeconds(59));
        assertThat(watchdog.check()).isZero();
        advanceWithHeartbeats(Duration.ofSeconds(1));
        assertThat(watchdog.check()).isEqualTo(1);

        assertThat(flagsPublished(2)).extracting(f -> f.flag() + ":" + f.priority())
                .containsExactly("HOLD_OVERDUE:MEDIUM", "HOLD_ESCALATED:HIGH");
    }

    @Test
    void aSilentTabletWhileThePatientIsInvertedIsAHighTechnicalAlert() {
        hold(20).then().statusCode(200);

        clock.advance(Duration.ofSeconds(44));
        assertThat(watchdog.check()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(watchdog.check()).isEqualTo(1);

        assertThat(flagsPublished(1)).extracting(f -> f.flag() + ":" + f.priority()).containsExactly("TABLET_SILENT:HIGH");
    }

    @Test
    void aHeartbeatPutsTheSilenceOffButOnlyFromTheSessionsOwnClinic() {
        hold(20).then().statusCode(200);
        clock.advance(Duration.ofSeconds(30));
        heartbeat();
        clock.advance(Duration.ofSeconds(30));
        assertThat(watchdog.check()).as("30 s after the heartbeat").isZero();

        String southTablet = TestTokens.issue("tablet.south", "southside", "tablet");
        given().auth().oauth2(southTablet).when().post("/api/sessions/{id}/heartbeat", session).then().statusCode(404)
                .contentType("application/problem+json");
        clock.advance(Duration.ofSeconds(15));
        assertThat(watchdog.check()).as("45 s after the session's own tablet was last heard").isEqualTo(1);
        assertThat(flagsPublished(1)).extracting(f -> f.flag() + ":" + f.priority()).containsExactly("TABLET_SILENT:HIGH");
    }

    @Test
    void thePostSessionCheckWaitsForThreeMinutesSittingAndCompletesTheSession() {
        hold(20).then().statusCode(200);
        postCheck(120, 78).then().statusCode(409).body("type", equalTo("urn:spotter:problem:still-inverted"));
        clock.advance(Duration.ofSeconds(60));
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session).then().statusCode(200);

        clock.advance(Duration.ofSeconds(179));
        postCheck(120, 78).then().statusCode(409).body("type", equalTo("urn:spotter:problem:sit-longer"));
        clock.advance(Duration.ofSeconds(1));
        postCheck(120, 78).then().statusCode(200).body("status", equalTo("COMPLETED")).body("painAfter", equalTo(3))
                .body("spotterSignOff", equalTo("Sam Spotter")).body("recheckDueAt", equalTo(null));
        hold(20).then().statusCode(409);

        given().auth().oauth2(TABLET).when().get("/api/courses/{id}/next-session", patient)
                .then().statusCode(200).body("change", equalTo("INCREASE_HOLD")).body("angleDegrees", equalTo(20))
                .body("holdSeconds", equalTo(90)).body("basedOnSession", equalTo(session));
    }

    @Test
    void aRiseOfMoreThan20AfterTheSessionAlertsAndAsksForARecheck() {
        hold(20).then().statusCode(200);
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session).then().statusCode(200);
        clock.advance(Duration.ofMinutes(3));

        postCheck(143, 80).then().statusCode(200).body("recheckDueAt", org.hamcrest.Matchers.notNullValue());

        assertThat(flagsPublished(1)).extracting(f -> f.flag() + ":" + f.priority()).containsExactly("POST_SESSION_BP:MEDIUM");
    }

    @Test
    void theProgressViewShowsPainPerSessionOdiAndAdverseEvents() {
        hold(20).then().statusCode(200);
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session).then().statusCode(200);
        clock.advance(Duration.ofMinutes(3));
        postCheck(120, 78).then().statusCode(200);
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("point", "BASELINE", "score", 40))
                .when().post("/api/courses/{id}/odi", patient).then().statusCode(201);
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("point", "BASELINE", "score", 38))
                .when().post("/api/courses/{id}/odi", patient).then().statusCode(409);
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("point", "WEEK_4", "score", 101))
                .when().post("/api/courses/{id}/odi", patient).then().statusCode(400).body("errors[0].field", equalTo("score"));

        given().auth().oauth2(TABLET).when().get("/api/courses/{id}/progress", patient)
                .then().statusCode(200)
                .body("sessions[0].painBefore", equalTo(4)).body("sessions[0].painAfter", equalTo(3))
                .body("odi.BASELINE", equalTo(40)).body("responder", equalTo(false))
                .body("adverseHigh", equalTo(0)).body("sessionsDone", equalTo(0));
        given().auth().oauth2(TestTokens.issue("tablet.river", "riverside", "tablet")).when().get("/api/courses/{id}/progress", patient)
                .then().statusCode(404);
    }

    private io.restassured.response.Response postCheck(int systolic, int diastolic) {
        return given().auth().oauth2(TABLET).contentType(ContentType.JSON)
                .body(Map.of("bloodPressure", Map.of("systolic", systolic, "diastolic", diastolic), "painAfter", 3,
                        "spotterSignOff", "Sam Spotter"))
                .when().post("/api/sessions/{id}/post-check", session);
    }

    @Test
    void nothingIsWatchedOnceThePatientIsUpright() {
        hold(20).then().statusCode(200);
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", session).then().statusCode(200);

        clock.advance(Duration.ofMinutes(10));

        assertThat(watchdog.check()).isZero();
    }

    private io.restassured.response.Response hold(int angle) {
        return given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", angle))
                .when().post("/api/sessions/{id}/holds", session);
    }

    /** Moves time on in steps the tablet's heartbeat keeps up with, so only the hold's own deadlines fall due. */
    private void advanceWithHeartbeats(Duration amount) {
        Duration left = amount;
        while (!left.isZero()) {
            Duration step = left.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : left;
            clock.advance(step);
            heartbeat();
            left = left.minus(step);
        }
    }

    private void heartbeat() {
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/heartbeat", session).then().statusCode(204);
    }

    private List<SessionFlagged> flagsPublished(int expected) {
        return kafka.read(Topics.SESSION_EVENTS.name(), records -> flags(records).size() >= expected, Duration.ofSeconds(20)).stream()
                .filter(r -> session.equals(r.key()))
                .filter(r -> "dev.spotter.session.session-flagged.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE)))
                .map(r -> (SessionFlagged) CloudEventCodec.decode(Topics.SESSION_EVENTS, KafkaTestClient.headers(r), r.value()))
                .toList();
    }

    private List<?> flags(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> session.equals(r.key()))
                .filter(r -> "dev.spotter.session.session-flagged.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE))).toList();
    }

}
