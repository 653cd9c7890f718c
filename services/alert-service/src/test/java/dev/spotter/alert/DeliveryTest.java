package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMail;
import dev.spotter.alert.delivery.DeliveryService;
import dev.spotter.alert.service.EscalationService;
import dev.spotter.events.Priority;
import dev.spotter.testing.RecordedSpans;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.stream.Collectors;
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
 * cancellation notices; a different stop-symptom paging again; a clinic's own escalation. Each attempt sends its span
 * ({@code traceparent}), in the trace of the alert's cause.
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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    private TestClinic clinic;
    private String doctor;
    private String secret;

    @BeforeEach
    void aClinicWithAPagerAndEMail() {
        clinic = new TestClinic("dlv", bootstrapServers);
        doctor = clinic.doctor;
        clinic.clinician("dr.primary", Map.of("displayName", "Dr Primary", "email", "primary@" + clinic.id + ".example",
                "webhookUrl", HOOKS.url(clinic.id + "/primary")));
        clinic.clinician("dr.lead", Map.of("displayName", "Dr Lead", "email", "lead@" + clinic.id + ".example"));
        clinic.settings("dr.lead");
        secret = clinic.asAdmin().post("/api/roster/webhook-secret").then().statusCode(200)
                .body("signatureHeader", equalTo("Spotter-Signature")).extract().path("secret");
        clinic.onCall("dr.primary", "PRIMARY");
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
    void recordingAnAttemptWhileAnAcknowledgementHoldsTheAlertWaitsForItInsteadOfDeadlocking() throws Exception {
        CountDownLatch answer = HOOKS.holdAnswers();
        try {
            UUID session = clinic.raise("chest-pain", Priority.HIGH);
            HOOKS.await(to("primary"), 1, Duration.ofSeconds(10));
            UUID alert = UUID.fromString(clinic.alertOf(session).getString("id"));
            try (Connection acknowledging = dataSource.getConnection()) {
                acknowledging.setAutoCommit(false);
                // as an acknowledgement does: the alert first, then its pages
                execute(acknowledging, "SELECT id FROM alert WHERE id = ? FOR UPDATE", alert);
                answer.countDown(); // the pager answers while the alert is held: the sender goes to record the attempt
                Thread.sleep(500);
                execute(acknowledging, "UPDATE alert_page SET next_attempt_at = next_attempt_at WHERE alert_id = ?", alert);
                acknowledging.commit();
            }
            // a sender that locked the page before the alert would have deadlocked with the acknowledgement, and its
            // recording would have been rolled back, leaving the attempt open until its lease ran out
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(deliveries(session, "webhook"))
                    .containsExactly(Map.entry("dr.primary", "DELIVERED")));
        } finally {
            answer.countDown();
        }
    }

    private static void execute(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.execute();
        }
    }

    @Test
    void aPageGoesToTheWebhookSignedWithTheClinicSecretAndIsRecordedAsDelivered() throws Exception {
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        WebhookReceiver.Request request = HOOKS.await(to("primary"), 1, Duration.ofSeconds(10)).getFirst();
        JsonPath body = JsonPath.from(request.body());
        assertThat(body.getString("type")).isEqualTo("alert.page");
        assertThat(body.getString("clinicId")).isEqualTo(clinic.id);
        assertThat(body.getString("sessionId")).isEqualTo(session.toString());
        assertThat(body.getString("priority")).isEqualTo("HIGH");
        assertThat(body.getString("cause")).isEqualTo("chest-pain");
        assertThat(request.header("Spotter-Delivery")).isEqualTo(body.getString("deliveryId"));
        assertThat(request.header("Spotter-Event")).isEqualTo("alert.page");
        assertSignedWith(secret, request);
        assertThat(request.body()).doesNotContain("name", "birth");
        assertThat(request.header("traceparent")).as("the attempt's trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String[] traceparent = request.header("traceparent").split("-");
        assertThat(traceparent[1]).as("the trace of the alert's cause").isEqualTo(alertTraceId(session));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(RecordedSpans.ofTrace(spans, traceparent[1]))
                .anySatisfy(span -> assertThat(span.getSpanId() + " " + span.getName()).isEqualTo(traceparent[2] + " page webhook")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries(session, "webhook"))
                .containsExactly(Map.entry("dr.primary", "DELIVERED")));
        assertThat(deliveries(session, "email")).isEmpty(); // the pager answered: no e-mail needed
        assertThat(clinic.alertOf(session).getList("deliveries.findAll { it.channel == 'webhook' }.lastOutcome"))
                .containsExactly("DELIVERED: HTTP 204");
        assertThat(clinic.alertOf(session).getList("timeline.findAll { it.kind == 'DELIVERED' }.detail"))
                .containsExactly("page by webhook to dr.primary (level 0), attempt 1: HTTP 204");
    }

    @Test
    void aFailedWebhookTriesEMailAtOnceAndRetriesWithBackOffEachAttemptRecorded() throws Exception {
        HOOKS.failNext(1, 503);
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        MimeMessage mail = awaitMail("primary@" + clinic.id + ".example");
        assertThat(mail.getSubject()).isEqualTo("[Spotter] HIGH alert: chest pain during an inversion session");
        assertThat(mail.getContent().toString()).contains("Go to the patient now", clinic.alertOf(session).getString("id"));
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
        // each attempt a span of its own, both in the trace of the alert's cause
        assertThat(attempts).extracting(attempt -> attempt.header("traceparent").split("-")[1]).containsOnly(alertTraceId(session));
        assertThat(attempts.get(1).header("traceparent")).isNotEqualTo(attempts.get(0).header("traceparent"));
        assertThat(deliveries(session, "webhook")).containsExactly(Map.entry("dr.primary", "DELIVERED"));
        assertThat(clinic.alertOf(session).getList("timeline.findAll { it.kind == 'DELIVERY_FAILED' }.detail").toString())
                .contains("page by webhook to dr.primary (level 0), attempt 1: HTTP 503; retry at");
        // nobody was unreachable: the next level keeps its time
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary");
    }

    @Test
    void whenNobodyOfALevelCanBeReachedTheNextLevelPagesAtOnce() {
        HOOKS.failNext(10, 500);
        clinic.clinician("dr.primary", Map.of("displayName", "Dr Primary", "webhookUrl", HOOKS.url(clinic.id + "/primary")));

        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        // the primary's only channel failed: the clinic lead (level 1) is paged now, not after 60 s, and reached by e-mail
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(deliveries(session, "email"))
                .containsExactly(Map.entry("dr.lead", "DELIVERED")));
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.lead");
        assertThat(clinic.timelineKinds(session)).containsSubsequence("PAGED", "DELIVERY_FAILED", "UNREACHED", "PAGED", "DELIVERED");
        assertThat(clinic.alertOf(session).getList("timeline.findAll { it.kind == 'UNREACHED' }.detail"))
                .containsExactly("level 0: nobody reached by webhook or e-mail; the next level pages now");
    }

    @Test
    void anAcknowledgementStopsEveryRetry() {
        HOOKS.failNext(10, 503);
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        HOOKS.await(to("primary"), 1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(session, "email").isEmpty());

        given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", clinic.alertOf(session).getString("id")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        delivery.deliverDue();

        assertThat(HOOKS.requests(to("primary"))).hasSize(1);
        assertThat(deliveries(session, "webhook")).containsExactly(Map.entry("dr.primary", "STOPPED"));
    }

    @Test
    void cancellingTellsEveryonePagedByTheChannelThatPagedThem() throws Exception {
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        HOOKS.await(to("primary"), 1, Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(session, "webhook").containsValue("DELIVERED"));

        given().auth().oauth2(TestTokens.issue("tablet.dlv", clinic.id, "tablet")).contentType(ContentType.JSON)
                .body(Map.of("reason", "Entered in error")).post("/api/alerts/{id}/cancel", clinic.alertOf(session).getString("id"))
                .then().statusCode(200);

        WebhookReceiver.Request notice = HOOKS.await(to("primary").and(r -> r.body().contains("alert.cancelled")), 1,
                Duration.ofSeconds(10)).getFirst();
        assertThat(notice.header("Spotter-Event")).isEqualTo("alert.cancelled");
        assertThat(JsonPath.from(notice.body()).getString("status")).isEqualTo("CANCELLED");
        assertSignedWith(secret, notice);
    }

    @Test
    void aDifferentStopSymptomPagesAgainFromTheFirstLevelButARepeatDoesNot() {
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", clinic.alertOf(session).getString("id")).then().statusCode(200);

        clinic.symptom(session, "chest-pain", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> clinic.alertOf(session).getList("timeline.findAll { it.kind == 'CAUSE_ADDED' }").size() == 1);
        assertThat(clinic.pages(session)).hasSize(1);
        assertThat(clinic.alertOf(session).getString("status")).isEqualTo("ACKNOWLEDGED");

        clinic.symptom(session, "visual-disturbance", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> clinic.pages(session).size() == 2);
        JsonPath alert = clinic.alertOf(session);
        assertThat(alert.getString("status")).isEqualTo("RAISED");
        assertThat(alert.getString("acknowledgedBy")).isNull();
        assertThat(alert.getList("timeline.findAll { it.kind == 'REPAGED' }.detail"))
                .containsExactly("visual-disturbance is new on this alert: paging again from the first level");
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 0: dr.primary");
        JsonPath repage = JsonPath.from(HOOKS.await(to("primary").and(r -> r.body().contains("visual-disturbance")), 1,
                Duration.ofSeconds(10)).getFirst().body());
        assertThat(repage.getString("cause")).isEqualTo("visual-disturbance");
        assertThat(repage.getString("firstCause")).isEqualTo("chest-pain");
    }

    @Test
    void aStopSymptomOfHigherPriorityRaisesTheAlertAndPagesAgain() {
        UUID session = clinic.raise("dizziness", Priority.MEDIUM);

        clinic.symptom(session, "dizziness", Priority.HIGH);
        await().atMost(Duration.ofSeconds(20)).until(() -> clinic.pages(session).size() == 2);

        assertThat(clinic.alertOf(session).getString("priority")).isEqualTo("HIGH");
        assertThat(clinic.alertOf(session).getList("timeline.findAll { it.kind == 'REPAGED' }.detail"))
                .containsExactly("dizziness raised the priority to HIGH: paging again from the first level");
        // now on the HIGH chain: the next level after 60 s, not 3 minutes
        clock.advance(Duration.ofSeconds(65));
        escalation.escalate();
        assertThat(clinic.pages(session)).last().isEqualTo("level 1: dr.lead");
    }

    @Test
    void aClinicSetsItsOwnEscalationWithinBounds() {
        clinic.asAdmin().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY")),
                        Map.of("afterSeconds", 20, "targets", List.of("CLINIC_LEAD", "SECONDARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(200).body("clinicDefined", equalTo(true));
        clinic.asAdmin().body(Map.of("levels", List.of(Map.of("afterSeconds", 30, "targets", List.of("PRIMARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(400).body("errors[0].field", equalTo("levels[0].afterSeconds"));
        clinic.asAdmin().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY")),
                        Map.of("afterSeconds", 600, "targets", List.of("ALL_CLINICIANS"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(400).body("errors[0].field", equalTo("levels[1].afterSeconds"));
        clinic.asAdmin().body(Map.of("levels", List.of(Map.of("afterSeconds", 0, "targets", List.of("PRIMARY"))), "repeatSeconds", 30))
                .put("/api/roster/escalation/LOW").then().statusCode(422).body("errors[0].field", equalTo("priority"));
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(Map.of("levels", List.of(), "repeatSeconds", 30))
                .put("/api/roster/escalation/HIGH").then().statusCode(403);

        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        clock.advance(Duration.ofSeconds(25));
        escalation.escalate();
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.lead");

        clinic.asAdmin().delete("/api/roster/escalation/HIGH").then().statusCode(200).body("clinicDefined", equalTo(false))
                .body("levels.afterSeconds", equalTo(List.of(0, 60, 120)));
        List<Map<String, Object>> other = given().auth().oauth2(TestTokens.issue("admin.other", "other-" + clinic.id, "clinic-admin"))
                .get("/api/roster/escalation").jsonPath().getList("findAll { it.clinicDefined }");
        assertThat(other).isEmpty();
    }

    @Test
    void withoutASecretWebhooksAreNotSentUnsignedAndEMailTakesOver() throws Exception {
        TestClinic unsigned = new TestClinic("dlv", bootstrapServers);
        unsigned.clinician("dr.primary", Map.of("displayName", "Dr U", "email", "u@" + unsigned.id + ".example",
                "webhookUrl", HOOKS.url(unsigned.id + "/u")));
        unsigned.asAdmin().get("/api/roster/settings").then().body("webhookSecretSet", equalTo(false));
        unsigned.onCall("dr.primary", "PRIMARY");

        UUID session = unsigned.raise("chest-pain", Priority.HIGH);

        awaitMail("u@" + unsigned.id + ".example");
        assertThat(HOOKS.requests(request -> request.path().startsWith("/" + unsigned.id))).isEmpty();
        // trying again cannot help without a key: the webhook page fails at its first attempt
        assertThat(unsigned.alertOf(session).<Map<String, Object>>getList("deliveries.findAll { it.channel == 'webhook' }"))
                .singleElement().satisfies(page -> {
                    assertThat(page.get("status")).isEqualTo("FAILED");
                    assertThat(page.get("attempts")).isEqualTo(1);
                });
    }

    // ---- Helpers

    /** Requests to one of this test's clinic's hooks. */
    private Predicate<WebhookReceiver.Request> to(String hook) {
        return request -> request.path().equals("/" + clinic.id + "/" + hook);
    }

    /** Checks the signature as a receiver would, with the JDK's HMAC, not Spotter's code. */
    private static void assertSignedWith(String secret, WebhookReceiver.Request request) throws Exception {
        Map<String, String> parts = Arrays.stream(request.header("Spotter-Signature").split(","))
                .map(part -> part.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
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
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null), Objects::nonNull);
    }

    /** The trace id of the alert's cause, as the alert keeps it. */
    private String alertTraceId(UUID session) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT trace_context::jsonb ->> 'traceparent' FROM alert WHERE session_id = ?")) {
            select.setObject(1, session);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the alert").isTrue();
                assertThat(row.getString(1)).as("the alert's trace context").isNotNull();
                return row.getString(1).split("-")[1];
            }
        }
    }

    /** The alert's pages by a channel, clinician to status. */
    private Map<String, String> deliveries(UUID session, String channel) {
        List<Map<String, Object>> pages = clinic.alertOf(session).getList("deliveries.findAll { it.channel == '" + channel + "' && it.purpose == 'PAGE' }");
        return pages.stream().collect(Collectors.toMap(p -> (String) p.get("clinician"), p -> (String) p.get("status")));
    }
}
