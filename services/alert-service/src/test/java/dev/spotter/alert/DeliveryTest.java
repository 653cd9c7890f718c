package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import dev.spotter.alert.delivery.DeliveryService;
import dev.spotter.alert.service.EscalationService;
import dev.spotter.events.Priority;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages beyond the console, on the real database and broker, to a webhook receiver and a real SMTP server (GreenMail)
 * in this JVM: the signed webhook, e-mail, retries with back-off and every attempt recorded, a failure moving to the
 * next channel and, when nobody of a level is reached, to the next level at once; acknowledgement stopping retries;
 * cancellation notices; a different stop-symptom paging again; a clinic's own escalation.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class DeliveryTest {

    private static final WebhookReceiver HOOKS = WebhookReceiver.start();

    @MailServer.Inject
    GreenMail smtp;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalation;

    @Inject
    DeliveryService delivery;

    private String clinic;
    private String admin;
    private String doctor;
    private String secret;

    @BeforeEach
    void aClinicWithAPagerAndEMail() {
        clinic = "dlv-" + UUID.randomUUID().toString().substring(0, 8);
        admin = TestTokens.issue("admin.dlv", clinic, "clinic-admin");
        doctor = TestTokens.issue("dr.primary", clinic, "clinician");
        clinician("dr.primary", Map.of("displayName", "Dr Primary", "email", "primary@" + clinic + ".example",
                "webhookUrl", HOOKS.url(clinic + "/primary")));
        clinician("dr.lead", Map.of("displayName", "Dr Lead", "email", "lead@" + clinic + ".example"));
        roster().body(Map.of("timeZone", "UTC", "clinicLead", "dr.lead")).put("/api/roster/settings").then().statusCode(200);
        secret = roster().post("/api/roster/webhook-secret").then().statusCode(200)
                .body("signatureHeader", equalTo("Spotter-Signature")).extract().path("secret");
        onCall("dr.primary", "PRIMARY");
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
        HOOKS.failNext(0, 204);
    }

    @AfterAll
    static void stopReceiver() {
        HOOKS.close();
    }

    @Test
    void aPageGoesToTheWebhookSignedWithTheClinicSecretAndIsRecordedAsDelivered() throws Exception {
        UUID session = raise("chest-pain", Priority.HIGH);

        WebhookReceiver.Request request = HOOKS.await(to("primary"), 1, Duration.ofSeconds(10)).getFirst();
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("type")).isEqualTo("alert.page");
        assertThat(body.getString("clinicId")).isEqualTo(clinic);
        assertThat(body.getString("sessionId")).isEqualTo(session.toString());
        assertThat(body.getString("priority")).isEqualTo("HIGH");
        assertThat(body.getString("cause")).isEqualTo("chest-pain");
        assertThat(request.header("Spotter-Delivery")).isEqualTo(body.getString("deliveryId"));
        assertThat(request.header("Spotter-Event")).isEqualTo("alert.page");
        assertSignedWith(secret, request);
        assertThat(request.body()).doesNotContain("name", "birth");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(session, "webhook"))
                .containsExactly(Map.entry("dr.primary", "DELIVERED")));
        assertThat(deliveries(session, "email")).isEmpty(); // the pager answered: no e-mail needed
        assertThat(alertOf(session).getList("deliveries.findAll { it.channel == 'webhook' }.lastOutcome"))
                .containsExactly("DELIVERED: HTTP 204");
        assertThat(alertOf(session).getList("timeline.findAll { it.kind == 'DELIVERED' }.detail"))
                .containsExactly("page by webhook to dr.primary (level 0), attempt 1: HTTP 204");
    }

    @Test
    void aFailedWebhookTriesEMailAtOnceAndRetriesWithBackOffEachAttemptRecorded() throws Exception {
        HOOKS.failNext(1, 503);
        UUID session = raise("chest-pain", Priority.HIGH);

        MimeMessage mail = awaitMail("primary@" + clinic + ".example");
        assertThat(mail.getSubject()).isEqualTo("[Spotter] HIGH alert: chest pain during an inversion session");
        assertThat(mail.getContent().toString()).contains("Go to the patient now", alertOf(session).getString("id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(session, "email"))
                .containsExactly(Map.entry("dr.primary", "DELIVERED")));
        assertThat(deliveries(session, "webhook")).containsExactly(Map.entry("dr.primary", "PENDING"));
        // the retry waits its back-off (2 s), then the same delivery id is sent again
        delivery.deliverDue();
        assertThat(HOOKS.requests(to("primary"))).hasSize(1);
        clock.advance(Duration.ofSeconds(3));
        delivery.deliverDue();

        List<WebhookReceiver.Request> attempts = HOOKS.requests(to("primary"));
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).header("Spotter-Delivery")).isEqualTo(attempts.get(0).header("Spotter-Delivery"));
        assertThat(deliveries(session, "webhook")).containsExactly(Map.entry("dr.primary", "DELIVERED"));
        assertThat(alertOf(session).getList("timeline.findAll { it.kind == 'DELIVERY_FAILED' }.detail").toString())
                .contains("page by webhook to dr.primary (level 0), attempt 1: HTTP 503; retry at");
        // nobody was unreachable: the next level keeps its time
        assertThat(pages(session)).containsExactly("level 0: dr.primary");
    }

    @Test
    void whenNobodyOfALevelCanBeReachedTheNextLevelPagesAtOnce() {
        HOOKS.failNext(10, 500);
        clinician("dr.primary", Map.of("displayName", "Dr Primary", "webhookUrl", HOOKS.url(clinic + "/primary")));

        UUID session = raise("chest-pain", Priority.HIGH);

        // the primary's only channel failed: the clinic lead (level 1) is paged now, not after 60 s, and reached by e-mail
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(deliveries(session, "email"))
                .containsExactly(Map.entry("dr.lead", "DELIVERED")));
        assertThat(pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.lead");
        assertThat(kinds(session)).containsSubsequence("PAGED", "DELIVERY_FAILED", "UNREACHED", "PAGED", "DELIVERED");
        assertThat(alertOf(session).getList("timeline.findAll { it.kind == 'UNREACHED' }.detail"))
                .containsExactly("level 0: nobody reached by webhook or e-mail; the next level pages now");
    }

    @Test
    void anAcknowledgementStopsEveryRetry() {
        HOOKS.failNext(10, 503);
        UUID session = raise("chest-pain", Priority.HIGH);
        HOOKS.await(to("primary"), 1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(session, "email").isEmpty());

        given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", alertOf(session).getString("id")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        delivery.deliverDue();

        assertThat(HOOKS.requests(to("primary"))).hasSize(1);
        assertThat(deliveries(session, "webhook")).containsExactly(Map.entry("dr.primary", "STOPPED"));
    }

    @Test
    void cancellingTellsEveryonePagedByTheChannelThatPagedThem() throws Exception {
        UUID session = raise("chest-pain", Priority.HIGH);
        HOOKS.await(to("primary"), 1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(session, "webhook").containsValue("DELIVERED"));

        given().auth().oauth2(TestTokens.issue("tablet.dlv", clinic, "tablet")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Entered in error")).post("/api/alerts/{id}/cancel", alertOf(session).getString("id"))
                .then().statusCode(200);

        WebhookReceiver.Request notice = HOOKS.await(to("primary").and(r -> r.body().contains("alert.cancelled")), 1,
                Duration.ofSeconds(10)).getFirst();
        assertThat(notice.header("Spotter-Event")).isEqualTo("alert.cancelled");
        assertThat(JsonPath.from(notice.body()).getString("status")).isEqualTo("CANCELLED");
        assertSignedWith(secret, notice);
    }

    @Test
    void aDifferentStopSymptomPagesAgainFromTheFirstLevelButARepeatDoesNot() {
        UUID session = raise("chest-pain", Priority.HIGH);
        given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", alertOf(session).getString("id")).then().statusCode(200);

        symptom(session, "chest-pain", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertOf(session).getList("timeline.findAll { it.kind == 'CAUSE_ADDED' }").size() == 1);
        assertThat(pages(session)).hasSize(1);
        assertThat(alertOf(session).getString("status")).isEqualTo("ACKNOWLEDGED");

        symptom(session, "visual-disturbance", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> pages(session).size() == 2);
        JsonPath alert = alertOf(session);
        assertThat(alert.getString("status")).isEqualTo("RAISED");
        assertThat(alert.getString("acknowledgedBy")).isNull();
        assertThat(alert.getList("timeline.findAll { it.kind == 'REPAGED' }.detail"))
                .containsExactly("visual-disturbance is new on this alert: paging again from the first level");
        assertThat(pages(session)).containsExactly("level 0: dr.primary", "level 0: dr.primary");
        JsonPath repage = JsonPath.from(HOOKS.await(to("primary").and(r -> r.body().contains("visual-disturbance")), 1,
                Duration.ofSeconds(10)).getFirst().body());
        assertThat(repage.getString("cause")).isEqualTo("visual-disturbance");
        assertThat(repage.getString("firstCause")).isEqualTo("chest-pain");
    }

    @Test
    void aStopSymptomOfHigherPriorityRaisesTheAlertAndPagesAgain() {
        UUID session = raise("dizziness", Priority.MEDIUM);

        symptom(session, "dizziness", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> pages(session).size() == 2);

        assertThat(alertOf(session).getString("priority")).isEqualTo("HIGH");
        assertThat(alertOf(session).getList("timeline.findAll { it.kind == 'REPAGED' }.detail"))
                .containsExactly("dizziness raised the priority to HIGH: paging again from the first level");
        // now on the HIGH chain: the next level after 60 s, not 3 minutes
        clock.advance(Duration.ofSeconds(65));
        escalation.escalate();
        assertThat(pages(session)).last().isEqualTo("level 1: dr.lead");
    }

    @Test
    void aClinicSetsItsOwnEscalationWithinBounds() {
        roster().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY")),
                        Map.of("afterSeconds", 20, "targets", List.of("CLINIC_LEAD", "SECONDARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(200).body("clinicDefined", equalTo(true));
        roster().body(Map.of("levels", List.of(Map.of("afterSeconds", 30, "targets", List.of("PRIMARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(400).body("errors[0].field", equalTo("levels[0].afterSeconds"));
        roster().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY")),
                        Map.of("afterSeconds", 600, "targets", List.of("ALL_CLINICIANS"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(400).body("errors[0].field", equalTo("levels[1].afterSeconds"));
        roster().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/LOW").then().statusCode(422).body("errors[0].field", equalTo("priority"));
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(Map.of("levels", List.of(), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(403);

        UUID session = raise("chest-pain", Priority.HIGH);
        clock.advance(Duration.ofSeconds(25));
        escalation.escalate();
        assertThat(pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.lead");

        roster().delete("/api/roster/escalation/HIGH").then().statusCode(200).body("clinicDefined", equalTo(false))
                .body("levels.afterSeconds", equalTo(List.of(0, 60, 120)));
        List<Map<String, Object>> other = given().auth().oauth2(TestTokens.issue("admin.other", "other-" + clinic, "clinic-admin"))
                .get("/api/roster/escalation").jsonPath().getList("findAll { it.clinicDefined }");
        assertThat(other).isEmpty();
    }

    @Test
    void withoutASecretWebhooksAreNotSentUnsignedAndEMailTakesOver() throws Exception {
        String unsigned = "dlv-" + UUID.randomUUID().toString().substring(0, 8);
        String otherAdmin = TestTokens.issue("admin.dlv", unsigned, "clinic-admin");
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("displayName", "Dr U", "email", "u@" + unsigned + ".example",
                "webhookUrl", HOOKS.url(unsigned + "/u"))).put("/api/roster/clinicians/{u}", "dr.u").then().statusCode(200);
        given().auth().oauth2(otherAdmin).get("/api/roster/settings").then().body("webhookSecretSet", equalTo(false));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        given().auth().oauth2(otherAdmin).contentType(ContentType.JSON).body(Map.of("clinician", "dr.u", "role", "PRIMARY",
                "start", now.minusHours(1).toString(), "end", now.plusHours(8).toString())).post("/api/roster/shifts").then().statusCode(201);

        new KafkaTestClient(bootstrapServers).send(TestEvents.encode(TestEvents.symptom(unsigned, UUID.randomUUID(), "chest-pain", Priority.HIGH)));

        awaitMail("u@" + unsigned + ".example");
        assertThat(HOOKS.requests(request -> request.path().startsWith("/" + unsigned))).isEmpty();
        // trying again cannot help without a key: the webhook page fails at its first attempt
        List<Map<String, Object>> webhookPages = given().auth().oauth2(TestTokens.issue("dr.u", unsigned, "clinician"))
                .get("/api/alerts").jsonPath().getList("[0].deliveries.findAll { it.channel == 'webhook' }");
        assertThat(webhookPages).singleElement().satisfies(page -> {
            assertThat(page.get("status")).isEqualTo("FAILED");
            assertThat(page.get("attempts")).isEqualTo(1);
        });
    }

    // ---- Helpers

    /** Requests to one of this test's clinic's hooks. */
    private java.util.function.Predicate<WebhookReceiver.Request> to(String hook) {
        return request -> request.path().equals("/" + clinic + "/" + hook);
    }

    /** Checks the signature as a receiver would, with the JDK's HMAC, not Spotter's code. */
    private static void assertSignedWith(String secret, WebhookReceiver.Request request) throws Exception {
        Map<String, String> parts = Arrays.stream(request.header("Spotter-Signature").split(","))
                .map(part -> part.split("=", 2)).collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));
        long signedAt = Long.parseLong(parts.get("t"));
        assertThat(Math.abs(signedAt - Instant.now().getEpochSecond())).isLessThan(600);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((signedAt + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(parts.get("v1")).isEqualTo(expected);
    }

    private MimeMessage awaitMail(String to) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(to));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    private RequestSpecification roster() {
        return given().auth().oauth2(admin).contentType(ContentType.JSON);
    }

    private void clinician(String username, Map<String, String> body) {
        roster().body(body).put("/api/roster/clinicians/{u}", username).then().statusCode(200);
    }

    private void onCall(String who, String role) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        roster().body(Map.of("clinician", who, "role", role, "start", now.minusHours(1).toString(), "end", now.plusHours(12).toString()))
                .post("/api/roster/shifts").then().statusCode(201);
    }

    private UUID raise(String code, Priority priority) {
        UUID session = UUID.randomUUID();
        symptom(session, code, priority);
        await().atMost(Duration.ofSeconds(20)).until(() -> alertOf(session) != null);
        return session;
    }

    private void symptom(UUID session, String code, Priority priority) {
        new KafkaTestClient(bootstrapServers).send(TestEvents.encode(TestEvents.symptom(clinic, session, code, priority)));
    }

    private JsonPath alertOf(UUID session) {
        List<Map<String, Object>> alerts = given().auth().oauth2(doctor).get("/api/alerts").jsonPath()
                .getList("findAll { it.sessionId == '" + session + "' }");
        return alerts.isEmpty() ? null : given().auth().oauth2(doctor).get("/api/alerts/{id}", alerts.getFirst().get("id")).jsonPath();
    }

    private List<String> pages(UUID session) {
        return alertOf(session).getList("timeline.findAll { it.kind == 'PAGED' }.detail");
    }

    private List<String> kinds(UUID session) {
        return alertOf(session).getList("timeline.kind");
    }

    /** The alert's pages by a channel, clinician to status. */
    private Map<String, String> deliveries(UUID session, String channel) {
        List<Map<String, Object>> pages = alertOf(session).getList("deliveries.findAll { it.channel == '" + channel + "' && it.purpose == 'PAGE' }");
        return pages.stream().collect(java.util.stream.Collectors.toMap(p -> (String) p.get("clinician"), p -> (String) p.get("status")));
    }
}
