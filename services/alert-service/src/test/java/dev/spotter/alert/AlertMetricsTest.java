package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.Priority;
import dev.spotter.testing.ScrapedMetrics;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** alert-service's metrics on /q/metrics move with what happens to alerts: raised, escalated, delivered, acknowledged. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class AlertMetricsTest {

    private static final WebhookReceiver HOOKS = WebhookReceiver.start();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TestClinic clinic;

    @BeforeEach
    void aClinicWithAPagerOnCall() {
        clinic = new TestClinic("met", bootstrapServers);
        clinic.clinician("dr.primary", Map.of("displayName", "Dr Primary", "webhookUrl", HOOKS.url(clinic.id + "/primary")));
        clinic.settings("dr.primary");
        clinic.asAdmin().post("/api/roster/webhook-secret").then().statusCode(200); // webhooks go out signed only
        clinic.onCall("dr.primary", "PRIMARY");
    }

    @AfterAll
    static void stopReceiver() {
        HOOKS.close();
    }

    @Test
    void a_stop_symptom_counts_as_an_alert_of_its_priority_and_clinic_timed_from_the_symptom_and_its_first_level_as_reached() {
        ScrapedMetrics before = scrape();
        String clinicLabel = "clinic=\"" + clinic.id + "\"";

        clinic.raise("chest-pain", Priority.HIGH);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ScrapedMetrics after = scrape();
            assertThat(after.sum("spotter_alerts_raised_total", clinicLabel, "priority=\"HIGH\"", "origin=\"session\"")).isEqualTo(1);
            assertThat(after.sum("spotter_alerts_raised_total", clinicLabel, "priority=\"MEDIUM\"")).isZero();
            assertThat(after.sum("spotter_alerts_raise_delay_seconds_count", "priority=\"HIGH\""))
                    .isGreaterThanOrEqualTo(before.sum("spotter_alerts_raise_delay_seconds_count", "priority=\"HIGH\"") + 1);
            assertThat(after.sum("spotter_alerts_escalation_level_reached_total", "priority=\"HIGH\"", "level=\"0\""))
                    .isGreaterThanOrEqualTo(before.sum("spotter_alerts_escalation_level_reached_total", "priority=\"HIGH\"", "level=\"0\"") + 1);
        });
    }

    @Test
    void a_page_by_webhook_counts_as_a_delivery_attempt_of_that_channel() {
        ScrapedMetrics before = scrape();

        clinic.raise("fainting", Priority.HIGH);
        HOOKS.await(request -> request.path().endsWith(clinic.id + "/primary"), 1, Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).until(() -> scrape().sum("spotter_delivery_attempts_total", "channel=\"webhook\"",
                "outcome=\"delivered\"") >= before.sum("spotter_delivery_attempts_total", "channel=\"webhook\"", "outcome=\"delivered\"") + 1);
        assertThat(scrape().has("spotter_delivery_attempts_total", "channel=\"email\"", "outcome=\"failed\"")).isTrue();
    }

    @Test
    void an_acknowledgement_is_timed_from_the_raise() {
        ScrapedMetrics before = scrape();
        UUID session = clinic.raise("sudden-headache", Priority.HIGH);
        String alert = clinic.alertOf(session).getString("id");

        given().auth().oauth2(clinic.doctor).post("/api/alerts/{id}/acknowledge", alert).then().statusCode(200);

        ScrapedMetrics after = scrape();
        assertThat(after.sum("spotter_alerts_time_to_acknowledge_seconds_count", "priority=\"HIGH\""))
                .isEqualTo(before.sum("spotter_alerts_time_to_acknowledge_seconds_count", "priority=\"HIGH\"") + 1);
        assertThat(after.sum("spotter_alerts_time_to_acknowledge_seconds_sum", "priority=\"HIGH\""))
                .isGreaterThan(before.sum("spotter_alerts_time_to_acknowledge_seconds_sum", "priority=\"HIGH\""));
        assertThat(after.has("spotter_alerts_time_to_acknowledge_seconds_bucket", "priority=\"HIGH\"", "le=\"+Inf\"")).isTrue();
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().auth().oauth2(TestTokens.ops("ops.on.duty")).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }
}
