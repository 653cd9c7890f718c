package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.platform.outbox.OutboxRelay;
import dev.spotter.session.service.WatchdogService;
import dev.spotter.testing.ScrapedMetrics;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * session-service's metrics on /q/metrics move with what happens: sessions under way and inverted, watchdog firings,
 * the outbox's backlog while the relay cannot publish, and the Kafka consumers' lag (Quarkus's Kafka binder).
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class SessionMetricsTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(25);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    @Inject
    WatchdogService watchdog;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void a_started_session_counts_as_active_and_a_hold_as_inverted() {
        double active = scrape().sum("spotter_sessions_active");
        double inverted = scrape().sum("spotter_sessions_inverted");

        String session = startSession();
        await().atMost(GAUGE_REFRESH).until(() -> scrape().sum("spotter_sessions_active") >= active + 1);
        hold(session);
        await().atMost(GAUGE_REFRESH).until(() -> scrape().sum("spotter_sessions_inverted") >= inverted + 1);
        given().auth().oauth2(TABLET).post("/api/sessions/{id}/upright", session).then().statusCode(200);
        await().atMost(GAUGE_REFRESH).until(() -> scrape().sum("spotter_sessions_inverted") <= inverted);
    }

    @Test
    void a_silent_tablet_counts_as_a_watchdog_firing_of_its_kind() {
        String session = startSession();
        hold(session);
        double silent = scrape().sum("spotter_watchdog_firings_total", "kind=\"TABLET_SILENT\"");
        double overdue = scrape().sum("spotter_watchdog_firings_total", "kind=\"HOLD_OVERDUE\"");

        clock.advance(Duration.ofSeconds(46)); // no heartbeat for 45 s while inverted
        assertThat(watchdog.check()).isPositive();

        assertThat(scrape().sum("spotter_watchdog_firings_total", "kind=\"TABLET_SILENT\"")).isGreaterThanOrEqualTo(silent + 1);
        assertThat(scrape().sum("spotter_watchdog_firings_total", "kind=\"HOLD_OVERDUE\"")).isEqualTo(overdue);
        given().auth().oauth2(TABLET).post("/api/sessions/{id}/upright", session).then().statusCode(200);
    }

    @Test
    void events_the_relay_cannot_publish_show_as_backlog_with_the_age_of_the_oldest() throws Exception {
        try (Connection relayLock = dataSource.getConnection()) {
            relayLock.setAutoCommit(false);
            try (PreparedStatement lock = relayLock.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK); // as if another replica were stuck relaying
                lock.execute();
            }
            startSession(); // its SessionStarted waits in the outbox

            await().atMost(GAUGE_REFRESH).until(() -> scrape().sum("spotter_outbox_backlog") >= 1
                    && scrape().sum("spotter_outbox_oldest_age_seconds") > 0);
            relayLock.rollback();
        }

        await().atMost(GAUGE_REFRESH).until(() -> scrape().sum("spotter_outbox_backlog") == 0
                && scrape().sum("spotter_outbox_oldest_age_seconds") == 0);
    }

    @Test
    void each_kafka_consumer_reports_its_lag() {
        startSession(); // the screening events it needed have been consumed

        // per partition too (kafka_consumer_fetch_manager_records_lag{topic,partition}), once Micrometer's minutely
        // look for new Kafka metrics has seen the consumer's partitions
        ScrapedMetrics metrics = scrape();
        assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max", "client_id=\"kafka-consumer-screening-events\"")).isTrue();
        assertThat(metrics.has("kafka_consumer_fetch_manager_records_lag_max", "client_id=\"kafka-consumer-alert-events\"")).isTrue();
    }

    private String startSession() {
        return TestSessions.start(bootstrapServers, "northside", TABLET).session();
    }

    private static void hold(String session) {
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", 20))
                .post("/api/sessions/{id}/holds", session).then().statusCode(200);
    }

    private static ScrapedMetrics scrape() {
        return new ScrapedMetrics(given().auth().oauth2(TestTokens.ops("ops.on.duty")).get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }
}
