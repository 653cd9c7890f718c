package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.Priority;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of a test's own, as its admin and its clinician {@code dr.primary} see it through the API: its roster, the
 * stop-symptoms its sessions report (sent to the real broker) and the alerts they raise.
 */
final class TestClinic {

    final String id;
    final String admin;
    final String doctor;
    private final String bootstrapServers;

    TestClinic(String prefix, String bootstrapServers) {
        this.id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.admin = TestTokens.issue("admin." + prefix, id, "clinic-admin");
        this.doctor = TestTokens.issue("dr.primary", id, "clinician");
        this.bootstrapServers = bootstrapServers;
    }

    RequestSpecification asAdmin() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON);
    }

    void clinician(String username, Map<String, String> contact) {
        asAdmin().body(contact).put("/api/roster/clinicians/{u}", username).then().statusCode(200);
    }

    void settings(String clinicLead) {
        asAdmin().body(Map.of("timeZone", "UTC", "clinicLead", clinicLead)).put("/api/roster/settings").then().statusCode(200);
    }

    /** On call in the role from an hour ago for the next twelve hours. */
    void onCall(String who, String role) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        asAdmin().body(Map.of("clinician", who, "role", role, "start", now.minusHours(1).toString(), "end", now.plusHours(12).toString()))
                .post("/api/roster/shifts").then().statusCode(201);
    }

    /** A stop-symptom in a new session; returns the session once its alert is raised. */
    UUID raise(String code, Priority priority) {
        UUID session = UUID.randomUUID();
        symptom(session, code, priority);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertOf(session) != null);
        return session;
    }

    void symptom(UUID session, String code, Priority priority) {
        new KafkaTestClient(bootstrapServers).send(TestEvents.encode(TestEvents.symptom(id, session, code, priority)));
    }

    /** The session's alert as the clinician reads it, or null before it is raised. */
    JsonPath alertOf(UUID session) {
        List<Map<String, Object>> alerts = given().auth().oauth2(doctor).get("/api/alerts").jsonPath()
                .getList("findAll { it.sessionId == '" + session + "' }");
        return alerts.isEmpty() ? null : given().auth().oauth2(doctor).get("/api/alerts/{id}", alerts.getFirst().get("id")).jsonPath();
    }

    /** Each page of the timeline, as in "level 1: dr.secondary, dr.lead". */
    List<String> pages(UUID session) {
        return alertOf(session).getList("timeline.findAll { it.kind == 'PAGED' }.detail");
    }

    List<String> timelineKinds(UUID session) {
        return alertOf(session).getList("timeline.kind");
    }

    io.restassured.response.Response acknowledge(UUID session) {
        return given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", alertOf(session).getString("id"));
    }
}
