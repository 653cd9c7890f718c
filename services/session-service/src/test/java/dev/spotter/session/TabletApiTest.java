package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the tablet relies on beyond the session rules: a retried request has no second effect, the reviews that hold a
 * patient's next session, the clinic's course list, the live session stream, and the app's settings.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class TabletApiTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String RIVER_TABLET = TestTokens.issue("tablet.river", "riverside", "tablet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/api/sessions/stream")
    URI streamUri;

    @Inject
    TestClock clock;

    private UUID patient;

    @BeforeEach
    void registerAClearedPatient() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        patient = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening("northside", patient, Instant.now().plus(Duration.ofDays(60)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> tablet().get("/api/courses").jsonPath()
                .getList("findAll { it.patientId == '" + patient + "' && it.mayStart }").size() == 1);
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    // ---- Idempotency-Key: a retry gets the first answer, never a second effect

    @Test
    void aRetriedStartGivesTheSameSessionOnce() {
        String key = UUID.randomUUID().toString();

        Response first = tablet().header("Idempotency-Key", key).body(start(122, 76)).post("/api/sessions");
        Response retry = tablet().header("Idempotency-Key", key).body(start(122, 76)).post("/api/sessions");

        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        retry.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(first.jsonPath().getString("id")));
        assertThat(sessionsOfPatient()).hasSize(1);
    }

    @Test
    void aRetriedSymptomIsLoggedOnce() {
        String session = startSession();
        String key = UUID.randomUUID().toString();

        String first = tablet().header("Idempotency-Key", key).body(Map.of("code", "dizziness"))
                .post("/api/sessions/{id}/symptoms", session).then().statusCode(201).extract().path("id");
        String again = tablet().header("Idempotency-Key", key).body(Map.of("code", "dizziness"))
                .post("/api/sessions/{id}/symptoms", session).then().statusCode(201).extract().path("id");

        assertThat(again).isEqualTo(first);
        tablet().get("/api/sessions/{id}", session).then().body("symptoms", hasSize(1));
    }

    @Test
    void twoAttemptsAtOnceWithOneKeyHaveOneEffect() {
        String session = startSession();
        String key = UUID.randomUUID().toString();

        var attempts = List.of(
                CompletableFuture.supplyAsync(() -> tablet().header("Idempotency-Key", key).body(Map.of("code", "nausea"))
                        .post("/api/sessions/{id}/symptoms", session).statusCode()),
                CompletableFuture.supplyAsync(() -> tablet().header("Idempotency-Key", key).body(Map.of("code", "nausea"))
                        .post("/api/sessions/{id}/symptoms", session).statusCode()));

        assertThat(attempts.stream().map(CompletableFuture::join)).containsExactly(201, 201);
        tablet().get("/api/sessions/{id}", session).then().body("symptoms", hasSize(1));
    }

    @Test
    void aRefusedStartThatWasRecordedIsRecordedOnceAndAnsweredAgain() {
        String key = UUID.randomUUID().toString();

        String detail = tablet().header("Idempotency-Key", key).body(start(185, 100)).post("/api/sessions")
                .then().statusCode(409).contentType("application/problem+json").extract().path("detail");
        tablet().header("Idempotency-Key", key).body(start(185, 100)).post("/api/sessions")
                .then().statusCode(409).contentType("application/problem+json").header("Idempotent-Replayed", equalTo("true"))
                .body("detail", equalTo(detail));

        assertThat(sessionsOfPatient()).hasSize(1).allMatch(status -> status.equals("REFUSED"));
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefusedAndABadKeyIsNamed() {
        String session = startSession();
        String key = UUID.randomUUID().toString();
        tablet().header("Idempotency-Key", key).body(Map.of("code", "nausea")).post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(201);

        tablet().header("Idempotency-Key", key).body(Map.of("code", "dizziness")).post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        tablet().header("Idempotency-Key", "x").body(Map.of("code", "dizziness")).post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        tablet().get("/api/sessions/{id}", session).then().body("symptoms", hasSize(1));
    }

    @Test
    void anotherClinicsKeyIsItsOwn() {
        String session = startSession();
        String key = UUID.randomUUID().toString();
        tablet().header("Idempotency-Key", key).body(Map.of("code", "nausea")).post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(201);

        given().auth().oauth2(RIVER_TABLET).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("code", "nausea")).post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(404);
    }

    // ---- Reviews before the next session

    @Test
    void chestPainHoldsEveryNextSessionUntilAClinicianReleasesIt() {
        String session = startSession();
        tablet().body(Map.of("code", "chest-pain")).post("/api/sessions/{id}/symptoms", session).then().statusCode(201);

        tablet().body(start(122, 76)).post("/api/sessions").then().statusCode(409)
                .body("type", equalTo("urn:spotter:problem:review-required"))
                .body("detail", containsString("A physician must review the patient")).body("errors[0].field", equalTo("patientId"));
        String review = tablet().get("/api/courses/{id}/reviews", patient).then().statusCode(200)
                .body("", hasSize(1)).body("[0].kind", equalTo("PHYSICIAN")).body("[0].sessionId", equalTo(session))
                .extract().path("[0].id");
        tablet().get("/api/courses").then().body("find { it.patientId == '" + patient + "' }.mayStart", equalTo(false))
                .body("find { it.patientId == '" + patient + "' }.whyNot", containsString("physician"))
                .body("find { it.patientId == '" + patient + "' }.openReviews", hasSize(1));

        tablet().body(Map.of("note", "Seen")).post("/api/courses/{p}/reviews/{r}/release", patient, review).then().statusCode(403);
        clinician().body(Map.of("note", " ")).post("/api/courses/{p}/reviews/{r}/release", patient, review)
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        clinician().body(Map.of("note", "ECG and troponin normal; may continue."))
                .post("/api/courses/{p}/reviews/{r}/release", patient, review)
                .then().statusCode(200).body("releasedBy", equalTo("dr.north")).body("releasedAt", notNullValue());
        clinician().body(Map.of("note", "again")).post("/api/courses/{p}/reviews/{r}/release", patient, review).then().statusCode(409);

        tablet().body(start(122, 76)).post("/api/sessions").then().statusCode(201);
    }

    @Test
    void aVisualDisturbanceNeedsOphthalmologyAndDizzinessNeedsNoReview() {
        String session = startSession();
        tablet().body(Map.of("code", "dizziness")).post("/api/sessions/{id}/symptoms", session).then().statusCode(201);
        tablet().get("/api/courses/{id}/reviews", patient).then().body("", hasSize(0));

        tablet().body(Map.of("code", "visual-disturbance")).post("/api/sessions/{id}/symptoms", session).then().statusCode(201);

        tablet().get("/api/courses/{id}/reviews", patient).then().body("", hasSize(1)).body("[0].kind", equalTo("OPHTHALMOLOGY"));
        given().auth().oauth2(RIVER_TABLET).get("/api/courses/{id}/reviews", patient).then().statusCode(404);
    }

    @Test
    void painTwoPointsAboveBaselineInTwoSessionsPausesThePlanForReview() {
        completeSession(4, 4);
        clock.advance(Duration.ofDays(1));
        completeSession(6, 6);
        tablet().get("/api/courses/{id}/reviews", patient).then().body("", hasSize(0));
        clock.advance(Duration.ofDays(1));
        completeSession(6, 7);

        tablet().get("/api/courses/{id}/reviews", patient).then().body("", hasSize(1)).body("[0].kind", equalTo("CLINICIAN"))
                .body("[0].reason", containsString("The plan is paused"));
        clock.advance(Duration.ofDays(1));
        tablet().body(start(122, 76)).post("/api/sessions").then().statusCode(409)
                .body("type", equalTo("urn:spotter:problem:review-required"));
    }

    @Test
    void eyeRednessAndADeteriorationInOneSessionAreTwoReviews() {
        completeSession(4, 4);
        clock.advance(Duration.ofDays(1));
        completeSession(6, 6);
        clock.advance(Duration.ofDays(1));
        completeSession(6, 7, "eye-redness");

        tablet().get("/api/courses/{id}/reviews", patient).then().body("", hasSize(2))
                .body("cause", org.hamcrest.Matchers.containsInAnyOrder("eye-redness", "deterioration"))
                .body("kind", org.hamcrest.Matchers.everyItem(equalTo("CLINICIAN")));
    }

    // ---- The tablet's views

    @Test
    void theCourseListShowsASessionToResumeAndNothingOfAnotherClinic() {
        String session = startSession();

        tablet().get("/api/courses").then().statusCode(200)
                .body("find { it.patientId == '" + patient + "' }.activeSessionId", equalTo(session))
                .body("find { it.patientId == '" + patient + "' }.sessionsThisWeek", equalTo(1));
        given().auth().oauth2(RIVER_TABLET).get("/api/courses").then().statusCode(200)
                .body("findAll { it.patientId == '" + patient + "' }", hasSize(0));
    }

    @Test
    void theSessionViewTimesTheHoldAndTheSittingFromTheServersClock() {
        String session = startSession();
        clock.advance(Duration.ofHours(5));
        Instant asOf = Instant.parse(tablet().body(Map.of("angleDegrees", 20)).post("/api/sessions/{id}/holds", session)
                .then().statusCode(200).body("inverted", equalTo(true)).extract().path("asOf"));
        assertThat(asOf).isBetween(clock.instant().minusSeconds(5), clock.instant());
        clock.advance(Duration.ofSeconds(50));

        var view = tablet().post("/api/sessions/{id}/upright", session).then().statusCode(200)
                .body("invertedSecondsBefore", equalTo(50)).body("inverted", equalTo(false)).extract().jsonPath();

        Instant upright = Instant.parse(view.getString("uprightAt"));
        assertThat(upright).isBetween(asOf.plusSeconds(50), clock.instant());
        assertThat(Instant.parse(view.getString("postCheckFrom"))).isEqualTo(upright.plus(Duration.ofMinutes(3)));
    }

    @Test
    void theStreamPushesTheClinicsSessionChangesOnlyToThatClinic() throws Exception {
        String session = startSession();
        try (SseClient north = SseClient.open(streamUri, TABLET); SseClient river = SseClient.open(streamUri, RIVER_TABLET)) {
            assertThat(north.next("subscribed", Duration.ofSeconds(10))).isNotNull();
            assertThat(river.next("subscribed", Duration.ofSeconds(10))).isNotNull();

            tablet().body(Map.of("angleDegrees", 20)).post("/api/sessions/{id}/holds", session).then().statusCode(200);

            SseClient.Event pushed = north.next("session-updated", Duration.ofSeconds(10));
            assertThat(pushed).isNotNull();
            assertThat(pushed.id()).isEqualTo(session);
            assertThat(pushed.data()).contains("\"inverted\":true");
            assertThat(river.collect("session-updated", Duration.ofSeconds(1))).isEmpty();
        }
        given().get("/api/sessions/stream").then().statusCode(401);
    }

    @Test
    void theOpenApiDocumentShowsTheStreamAsServerSentEvents() {
        Map<String, Object> answer = given().auth().oauth2(TestTokens.ops("ops.on.duty")).when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths.'/api/sessions/stream'.get.responses.'200'.content");
        assertThat(answer).containsKey("text/event-stream");
    }

    @Test
    void theAppsSettingsNeedNoSignInAndNameNoClinic() {
        given().get("/api/tablet/config").then().statusCode(200)
                .body("heartbeatSeconds", equalTo(15)).body("sitMinutes", equalTo(3)).body("screeningUrl", equalTo(""));
        given().get("/tablet/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/common/ui.js").then().statusCode(200);
    }

    // ---- Helpers

    private RequestSpecification tablet() {
        return given().auth().oauth2(TABLET).contentType(ContentType.JSON);
    }

    private RequestSpecification clinician() {
        return given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON);
    }

    private Map<String, Object> start(int systolic, int diastolic) {
        return Map.of("patientId", patient.toString(), "spotter", "Sam Spotter",
                "bloodPressure", Map.of("systolic", systolic, "diastolic", diastolic), "painBefore", 4);
    }

    private String startSession() {
        return tablet().body(start(122, 76)).post("/api/sessions").then().statusCode(201).extract().path("id");
    }

    private void completeSession(int painBefore, int painAfter) {
        completeSession(painBefore, painAfter, null);
    }

    /** A whole session: pain before, a minute's hold (with a symptom, if any), upright, three minutes sitting, pain after. */
    private void completeSession(int painBefore, int painAfter, String symptom) {
        String session = tablet().body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter",
                        "bloodPressure", Map.of("systolic", 122, "diastolic", 76), "painBefore", painBefore))
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        tablet().body(Map.of("angleDegrees", 20)).post("/api/sessions/{id}/holds", session).then().statusCode(200);
        clock.advance(Duration.ofSeconds(60));
        if (symptom != null) {
            tablet().body(Map.of("code", symptom)).post("/api/sessions/{id}/symptoms", session).then().statusCode(201);
        }
        tablet().post("/api/sessions/{id}/upright", session).then().statusCode(200);
        clock.advance(Duration.ofMinutes(3));
        tablet().body(Map.of("bloodPressure", Map.of("systolic", 120, "diastolic", 76), "painAfter", painAfter,
                "spotterSignOff", "Sam Spotter")).post("/api/sessions/{id}/post-check", session).then().statusCode(200);
    }

    private List<String> sessionsOfPatient() {
        return tablet().get("/api/sessions").jsonPath().getList("findAll { it.patientId == '" + patient + "' }.status");
    }
}
