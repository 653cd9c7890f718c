package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.spotter.alert.service.EscalationService;
import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Priority;
import dev.spotter.events.Topics;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation on the real database and broker, time moved by the test: every step at its time, an empty step skipped
 * at once, acknowledgement stopping every page, overdue steps after a pause firing once, two escalators at once.
 * Each test has a clinic of its own, with a primary and a secondary on call now and a clinic lead.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class EscalationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    @Inject
    EscalationService escalation;

    private TestClinic clinic;
    private String doctor;

    @BeforeEach
    void aClinicWithItsRoster() {
        clinic = new TestClinic("esc", bootstrapServers);
        doctor = clinic.doctor;
        for (String who : List.of("dr.primary", "dr.secondary", "dr.lead", "dr.other")) {
            clinic.clinician(who, Map.of("displayName", who, "email", who + "@clinic.example"));
        }
        clinic.settings("dr.lead");
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void highPagesEachLevelAtItsTimeAndRepeatsUntilAcknowledged() {
        clinic.onCall("dr.primary", "PRIMARY");
        clinic.onCall("dr.secondary", "SECONDARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary");
        // a few seconds of margin each way: the alert was raised on the real clock, a moment before the test moves it
        clock.advance(Duration.ofSeconds(55));
        escalation.escalate();
        assertThat(clinic.pages(session)).hasSize(1);
        clock.advance(Duration.ofSeconds(10));
        escalation.escalate();
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.secondary, dr.lead");
        clock.advance(Duration.ofSeconds(60));
        escalation.escalate();
        assertThat(clinic.pages(session).getLast()).isEqualTo("level 2: dr.lead, dr.other, dr.primary, dr.secondary");
        clock.advance(Duration.ofSeconds(60));
        escalation.escalate();
        assertThat(clinic.pages(session)).hasSize(4).last().isEqualTo("level 2: dr.lead, dr.other, dr.primary, dr.secondary");

        clinic.acknowledge(session).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("dr.primary"));
        clock.advance(Duration.ofMinutes(9));
        escalation.escalate();
        assertThat(clinic.pages(session)).hasSize(4);
        clinic.acknowledge(session).then().statusCode(409);
    }

    @Test
    void anAcknowledgementAtTheFirstLevelStopsEveryLaterPage() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        clinic.acknowledge(session).then().statusCode(200);
        clock.advance(Duration.ofMinutes(5));
        escalation.escalate();

        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary");
        assertThat(kinds(session)).endsWith("ACKNOWLEDGED");
        given().auth().oauth2(TestTokens.issue("tablet.esc", clinic.id, "tablet")).post("/api/alerts/{id}/acknowledge", clinic.alertOf(session).getString("id"))
                .then().statusCode(403);
    }

    @Test
    void anAcknowledgedHighAlertNotResolvedWithinTenMinutesPagesAgainFromTheFirstLevel() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        clinic.acknowledge(session).then().statusCode(200);

        clock.advance(Duration.ofMinutes(9));
        escalation.escalate();
        assertThat(clinic.alertOf(session).getString("status")).isEqualTo("ACKNOWLEDGED");
        clock.advance(Duration.ofMinutes(1).plusSeconds(5));
        escalation.escalate();

        assertThat(clinic.alertOf(session).getString("status")).isEqualTo("RAISED");
        assertThat(kinds(session)).containsSubsequence("ACKNOWLEDGED", "RETRIGGERED", "PAGED");
        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 0: dr.primary");
    }

    @Test
    void resolvingStopsEverythingAndCancellingTellsEveryoneWhoWasPaged() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID resolved = clinic.raise("chest-pain", Priority.HIGH);
        UUID cancelled = clinic.raise("chest-pain", Priority.HIGH);
        String tablet = TestTokens.issue("tablet.esc", clinic.id, "tablet");

        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(Map.of("outcome", "Chest pain settled; ECG normal."))
                .post("/api/alerts/{id}/resolve", clinic.alertOf(resolved).getString("id"))
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo("dr.primary"));
        given().auth().oauth2(tablet).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/alerts/{id}/cancel", clinic.alertOf(cancelled).getString("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(tablet).contentType(ContentType.JSON).body(Map.of("reason", "Tapped chest pain by mistake."))
                .post("/api/alerts/{id}/cancel", clinic.alertOf(cancelled).getString("id"))
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("tablet.esc"));
        given().auth().oauth2(doctor).post("/api/alerts/{id}/acknowledge", clinic.alertOf(cancelled).getString("id")).then().statusCode(409);
        given().auth().oauth2(doctor).contentType(ContentType.JSON).body(Map.of("outcome", "again"))
                .post("/api/alerts/{id}/resolve", clinic.alertOf(resolved).getString("id")).then().statusCode(409);

        clock.advance(Duration.ofMinutes(15));
        escalation.escalate();
        assertThat(clinic.pages(resolved)).hasSize(1);
        assertThat(clinic.pages(cancelled)).hasSize(1);
        assertThat(clinic.alertOf(cancelled).getList("timeline.findAll { it.kind == 'CANCELLED' }.detail"))
                .containsExactly("Tapped chest pain by mistake.; told dr.primary");
    }

    @Test
    void aLevelWithNobodyOnCallIsSkippedAtOnceNotWaitedOut() {
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        // no primary on call: the clinic lead (level 1) is paged at once, not after 60 s
        assertThat(kinds(session)).containsSubsequence("NOBODY_ON_CALL", "PAGED");
        assertThat(clinic.pages(session)).containsExactly("level 1: dr.lead");
    }

    @Test
    void afterAPauseEveryOverdueStepFiresOnceAndRepeatsCollapse() {
        clinic.onCall("dr.primary", "PRIMARY");
        clinic.onCall("dr.secondary", "SECONDARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);

        clock.advance(Duration.ofMinutes(10));
        escalation.escalate();

        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.secondary, dr.lead",
                "level 2: dr.lead, dr.other, dr.primary, dr.secondary");
        escalation.escalate();
        assertThat(clinic.pages(session)).hasSize(3);
    }

    @Test
    void twoEscalatorsAtOnceSendEachPageOnce() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        clock.advance(Duration.ofSeconds(60));

        List<CompletableFuture<Integer>> runs = List.of(CompletableFuture.supplyAsync(escalation::escalate),
                CompletableFuture.supplyAsync(escalation::escalate));
        runs.forEach(CompletableFuture::join);

        assertThat(clinic.pages(session)).containsExactly("level 0: dr.primary", "level 1: dr.lead");
    }

    @Test
    void mediumWaitsThreeMinutesAndLowPagesNobody() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID medium = clinic.raise("chest-pain", Priority.MEDIUM);
        UUID low = clinic.raise("chest-pain", Priority.LOW);

        clock.advance(Duration.ofSeconds(170));
        escalation.escalate();
        assertThat(clinic.pages(medium)).hasSize(1);
        clock.advance(Duration.ofSeconds(15));
        escalation.escalate();
        assertThat(clinic.pages(medium)).hasSize(2);
        assertThat(clinic.pages(low)).isEmpty();
        assertThat(clinic.alertOf(low).getString("nextEscalationAt")).isNull();
    }

    @Test
    void theTabletHearsWhoWasPagedAndWhoAcknowledged() {
        clinic.onCall("dr.primary", "PRIMARY");
        UUID session = clinic.raise("chest-pain", Priority.HIGH);
        await().atMost(Duration.ofSeconds(10)).until(() -> clinic.alertOf(session).getList("deliveries.findAll { it.status == 'DELIVERED' }").size() == 1);
        clinic.acknowledge(session).then().statusCode(200);

        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<AlertStatusChanged> changes = kafka.read(Topics.ALERT_EVENTS.name(), records -> statusChanges(records, session).size() >= 3,
                Duration.ofSeconds(20)).stream().filter(r -> session.toString().equals(r.key()))
                .map(r -> CloudEventCodec.decode(Topics.ALERT_EVENTS, KafkaTestClient.headers(r), r.value()))
                .filter(AlertStatusChanged.class::isInstance).map(AlertStatusChanged.class::cast).toList();

        assertThat(changes).extracting(AlertStatusChanged::change).containsExactlyInAnyOrder(AlertStatusChanged.Change.PAGED,
                AlertStatusChanged.Change.DELIVERED, AlertStatusChanged.Change.ACKNOWLEDGED);
        assertThat(changes.getFirst().paged()).containsExactly(new AlertStatusChanged.Page("dr.primary", "console"),
                new AlertStatusChanged.Page("dr.primary", "email"));
        assertThat(changes.getFirst().nextEscalationAt()).isNotNull();
        AlertStatusChanged acknowledged = changes.stream().filter(c -> c.change() == AlertStatusChanged.Change.ACKNOWLEDGED).findFirst().orElseThrow();
        assertThat(acknowledged.actor()).isEqualTo("dr.primary");
        assertThat(acknowledged.nextEscalationAt()).isNull();
    }

    // ---- Helpers

    /** The timeline's kinds but the delivery results, which come in their own time (DeliveryTest checks them). */
    private List<String> kinds(UUID session) {
        return clinic.timelineKinds(session).stream().filter(kind -> !kind.equals("DELIVERED") && !kind.equals("DELIVERY_FAILED")).toList();
    }

    private static List<?> statusChanges(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records, UUID session) {
        return records.stream().filter(r -> session.toString().equals(r.key()))
                .filter(r -> "dev.spotter.alert.alert-status-changed.v1".equals(KafkaTestClient.header(r, CloudEventCodec.H_TYPE))).toList();
    }
}
