package dev.spotter.platform.audit;

import dev.spotter.platform.jdbc.GroupCommit;
import dev.spotter.platform.security.TenantConnections;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Appends entries to the audit log, each chained to its clinic's previous one, and reads a clinic's entries.
 * <p>
 * Appends are written by one writer, as many as are waiting in one transaction ({@link GroupCommit}): under load a
 * transaction and its commit per request cost as much as the request itself. Each caller still waits until its
 * entry is committed, so an answered request has its entry as before.
 */
@ApplicationScoped
public class AuditLog {

    static final String COLUMNS = "seq, clinic_id, at, actor, roles, action, target, status, prev_hash, hash";
    private static final int MAX_BATCH = 500;
    /** The writer's connection, as {@code pg_stat_activity} shows it. */
    public static final String WRITER_NAME = "spotter-audit-writer";

    /** An entry waiting for the writer. */
    private record Pending(String clinicId, Instant at, String actor, String roles, String action, String target, int status) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private GroupCommit<Pending, Void> writer;

    @PostConstruct
    void createWriter() {
        writer = new GroupCommit<>(WRITER_NAME, dataSource, MAX_BATCH, AuditLog::insert);
    }

    /**
     * Appends an entry and returns once it is committed; throws when it could not be. A clinic's entries take turns on
     * an advisory lock, so its chain has no forks even with several replicas; the entries are written with the
     * service's own role, as the chain's tail may be read only so.
     */
    public void append(String clinicId, String actor, String roles, String action, String target, int status) {
        writer.write(new Pending(clinicId, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, roles, action, target, status));
    }

    private static List<Void> insert(Connection connection, List<Pending> batch) throws SQLException {
        String[] clinics = batch.stream().map(Pending::clinicId).distinct().sorted().toArray(String[]::new);
        // every writer takes its clinics' locks in the same (sorted) order, so two replicas cannot deadlock
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('spotter.audit:' || c)) FROM unnest(?::text[]) AS c")) {
            lock.setArray(1, connection.createArrayOf("text", clinics));
            lock.execute();
        }
        // read after the locks are held: this statement's snapshot sees every entry committed before
        Map<String, String> tails = new HashMap<>();
        try (PreparedStatement tail = connection.prepareStatement("SELECT c, (SELECT hash FROM audit_entry "
                + "WHERE clinic_id = c ORDER BY seq DESC LIMIT 1) FROM unnest(?::text[]) AS c")) {
            tail.setArray(1, connection.createArrayOf("text", clinics));
            try (ResultSet rows = tail.executeQuery()) {
                while (rows.next()) {
                    tails.put(rows.getString(1), Objects.requireNonNullElse(rows.getString(2), AuditChain.GENESIS));
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry "
                + "(clinic_id, at, actor, roles, action, target, status, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Pending entry : batch) {
                String previous = tails.get(entry.clinicId());
                String hash = AuditChain.hash(previous, entry.clinicId(), entry.at(), entry.actor(), entry.roles(),
                        entry.action(), entry.target(), entry.status());
                insert.setString(1, entry.clinicId());
                insert.setTimestamp(2, Timestamp.from(entry.at()));
                insert.setString(3, entry.actor());
                insert.setString(4, entry.roles());
                insert.setString(5, entry.action());
                insert.setString(6, entry.target());
                insert.setInt(7, entry.status());
                insert.setString(8, previous);
                insert.setString(9, hash);
                insert.addBatch();
                tails.put(entry.clinicId(), hash);
            }
            insert.executeBatch();
        }
        return Collections.nCopies(batch.size(), null);
    }

    /** Entries already handed in are written before the service stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        writer.stop();
    }

    /**
     * A clinic's entries, newest first: those before {@code beforeSeq} (paging; null for the newest), at or after
     * {@code since}, before {@code until}, by {@code actor} (each null for any), at most {@code limit}.
     */
    public List<AuditEntry> entries(String clinicId, Long beforeSeq, Instant since, Instant until, String actor, int limit)
            throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_entry WHERE clinic_id = ?"
                        + " AND (?::bigint IS NULL OR seq < ?::bigint)"
                        + " AND (?::timestamptz IS NULL OR at >= ?::timestamptz)"
                        + " AND (?::timestamptz IS NULL OR at < ?::timestamptz)"
                        + " AND (?::text IS NULL OR actor = ?::text)"
                        + " ORDER BY seq DESC LIMIT ?")) {
            query.setString(1, clinicId);
            query.setObject(2, beforeSeq);
            query.setObject(3, beforeSeq);
            Timestamp from = since == null ? null : Timestamp.from(since);
            Timestamp to = until == null ? null : Timestamp.from(until);
            query.setTimestamp(4, from);
            query.setTimestamp(5, from);
            query.setTimestamp(6, to);
            query.setTimestamp(7, to);
            query.setString(8, actor);
            query.setString(9, actor);
            query.setInt(10, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(entryOf(rows));
                }
            }
            return entries;
        }
    }

    /** Every clinic's chain checked, with the service's own role (operations staff may not read clinics' entries). */
    public List<AuditChain.Verification> verify() {
        return TenantConnections.unscoped(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return AuditChain.verify(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the audit log", e);
            }
        });
    }

    static AuditEntry entryOf(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("seq"), row.getString("clinic_id"), row.getTimestamp("at").toInstant(),
                row.getString("actor"), row.getString("roles"), row.getString("action"), row.getString("target"),
                row.getInt("status"), row.getString("prev_hash"), row.getString("hash"));
    }
}
