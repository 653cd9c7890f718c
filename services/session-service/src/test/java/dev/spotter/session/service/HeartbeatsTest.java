package dev.spotter.session.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.session.TestSessions;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Heartbeats written together: each answered for itself, each moving only its own clinic's inverted session. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class HeartbeatsTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBatchMovesEachInvertedSessionFromItsLatestHeartbeatAndAnswersEachAlone() throws SQLException {
        UUID inverted = startSession(true);
        UUID upright = startSession(false);
        Instant heldFrom = column(inverted, "inverted_since");
        Instant at = heldFrom.plusSeconds(10);

        List<Boolean> found;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            found = Heartbeats.write(connection, List.of(
                    new Heartbeats.Heard("northside", inverted, at.plusSeconds(10)),
                    new Heartbeats.Heard("northside", inverted, at),
                    new Heartbeats.Heard("northside", upright, at),
                    new Heartbeats.Heard("southside", inverted, at.plusSeconds(30)),
                    new Heartbeats.Heard("northside", UUID.randomUUID(), at)));
            connection.commit();
        }

        assertThat(found).containsExactly(true, true, true, false, false);
        assertThat(column(inverted, "last_heartbeat_at")).as("the latest of its own clinic's, not another clinic's")
                .isEqualTo(at.plusSeconds(10));
        assertThat(column(inverted, "watchdog_due_at")).as("silence 45 s after the latest heartbeat, before the hold is overdue")
                .isEqualTo(at.plusSeconds(10).plusSeconds(45));
        assertThat(column(upright, "last_heartbeat_at")).as("upright, a heartbeat changes nothing").isNull();
    }

    @Test
    void concurrentHeartbeatsAreEachAnsweredOnceWritten() throws Exception {
        UUID inverted = startSession(true);
        String southTablet = TestTokens.issue("tablet.south", "southside", "tablet");
        List<Callable<Integer>> beats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String token = i % 10 == 9 ? southTablet : TABLET;
            beats.add(() -> given().auth().oauth2(token).when().post("/api/sessions/{id}/heartbeat", inverted).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService tablets = Executors.newFixedThreadPool(20)) {
            for (Future<Integer> status : tablets.invokeAll(beats)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 204).hasSize(36);
        assertThat(statuses).filteredOn(s -> s == 404).as("another clinic's tablet").hasSize(4);
        assertThat(column(inverted, "last_heartbeat_at")).isAfter(column(inverted, "inverted_since"));
    }

    /** A cleared patient's session in northside, started and, if {@code hold}, inverted at 20 degrees. */
    private UUID startSession(boolean hold) {
        String session = TestSessions.start(bootstrapServers, "northside", TABLET).session();
        if (hold) {
            given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", 20))
                    .when().post("/api/sessions/{id}/holds", session).then().statusCode(200);
        }
        return UUID.fromString(session);
    }

    private Instant column(UUID session, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM therapy_session WHERE id = ?")) {
            select.setObject(1, session);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp value = row.getTimestamp(1);
                return value == null ? null : value.toInstant().truncatedTo(ChronoUnit.MICROS);
            }
        }
    }
}
