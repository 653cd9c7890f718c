package dev.spotter.session.service;

import dev.spotter.platform.jdbc.GroupCommit;
import dev.spotter.session.domain.Watchdog;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tablets' heartbeats, the most frequent write of all (every tablet, every 15 s of every hold): each moves its
 * session's watchdog deadline, and all those waiting are written in one transaction ({@link GroupCommit}). A
 * heartbeat is answered once it is committed, as before; touching only the watchdog's columns with plain JDBC, it
 * needs no idempotency record, since a heartbeat repeated says the same true thing again.
 */
@ApplicationScoped
public class Heartbeats {

    /** The writer's connection, as {@code pg_stat_activity} shows it. */
    public static final String WRITER_NAME = "spotter-heartbeat-writer";
    private static final int MAX_BATCH = 500;

    /** A heartbeat as the tablet sent it. */
    record Heard(String clinicId, UUID sessionId, Instant at) {
    }

    /** What the batch needs of a session: whose it is and its hold. */
    private record Hold(String clinicId, Instant invertedSince, int holdSeconds, Instant watchdogDueAt) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private GroupCommit<Heard, Boolean> writer;

    @PostConstruct
    void createWriter() {
        writer = new GroupCommit<>(WRITER_NAME, dataSource, MAX_BATCH, Heartbeats::write);
    }

    /**
     * Records that the clinic's tablet is still there, and returns once that is committed; false when the clinic has no
     * such session. Upright, a heartbeat changes nothing.
     */
    public boolean heard(String clinicId, UUID sessionId) {
        return writer.write(new Heard(clinicId, sessionId, clock.instant()));
    }

    /**
     * One batch: its sessions locked in the order of their ids (so two writers cannot deadlock), each inverted one's
     * last heartbeat and watchdog deadline set from its latest heartbeat in the batch, all in one statement.
     */
    static List<Boolean> write(Connection connection, List<Heard> batch) throws SQLException {
        Map<UUID, Hold> holds = lock(connection, batch);
        List<Boolean> found = new ArrayList<>(batch.size());
        Map<UUID, Instant> latest = new LinkedHashMap<>();
        for (Heard heard : batch) {
            Hold hold = holds.get(heard.sessionId());
            boolean ours = hold != null && hold.clinicId().equals(heard.clinicId());
            found.add(ours);
            if (ours && hold.invertedSince() != null) {
                latest.merge(heard.sessionId(), heard.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (!latest.isEmpty()) {
            update(connection, holds, latest);
        }
        return found;
    }

    /** The batch's sessions, each only if it is the heartbeat's clinic's: another clinic's is neither read nor locked. */
    private static Map<UUID, Hold> lock(Connection connection, List<Heard> batch) throws SQLException {
        Map<UUID, Hold> holds = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id, s.clinic_id, s.inverted_since, s.hold_seconds, "
                + "s.watchdog_due_at FROM therapy_session AS s JOIN (SELECT DISTINCT * FROM unnest(?::uuid[], ?::text[])) AS h(id, clinic_id) "
                + "ON s.id = h.id AND s.clinic_id = h.clinic_id ORDER BY s.id FOR UPDATE OF s")) {
            select.setArray(1, connection.createArrayOf("text", batch.stream().map(heard -> heard.sessionId().toString()).toArray()));
            select.setArray(2, connection.createArrayOf("text", batch.stream().map(Heard::clinicId).toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    holds.put(row.getObject(1, UUID.class), new Hold(row.getString(2), instant(row.getTimestamp(3)), row.getInt(4),
                            instant(row.getTimestamp(5))));
                }
            }
        }
        return holds;
    }

    private static void update(Connection connection, Map<UUID, Hold> holds, Map<UUID, Instant> latest) throws SQLException {
        List<String> ids = new ArrayList<>();
        List<String> heardAt = new ArrayList<>();
        List<String> dueAt = new ArrayList<>();
        latest.forEach((sessionId, at) -> {
            Hold hold = holds.get(sessionId);
            Instant due = InversionService.nextWatchdog(new Watchdog.Hold(hold.invertedSince(), Duration.ofSeconds(hold.holdSeconds()), at),
                    hold.watchdogDueAt(), at);
            ids.add(sessionId.toString());
            heardAt.add(at.toString());
            dueAt.add(due == null ? null : due.toString());
        });
        try (PreparedStatement update = connection.prepareStatement("UPDATE therapy_session AS s "
                + "SET last_heartbeat_at = v.heard_at, watchdog_due_at = v.due_at "
                + "FROM unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) AS v(id, heard_at, due_at) WHERE s.id = v.id")) {
            update.setArray(1, connection.createArrayOf("text", ids.toArray()));
            update.setArray(2, connection.createArrayOf("text", heardAt.toArray()));
            update.setArray(3, connection.createArrayOf("text", dueAt.toArray()));
            update.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Heartbeats already handed in are written before the service stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.stop();
    }
}
