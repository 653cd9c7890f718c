package dev.spotter.platform.audit;

import dev.spotter.platform.security.TenantConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.List;

/** Appends entries to the audit log, each chained to its clinic's previous one, and reads a clinic's entries. */
@ApplicationScoped
public class AuditLog {

    static final String COLUMNS = "seq, clinic_id, at, actor, roles, action, target, status, prev_hash, hash";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /**
     * Appends an entry in a transaction of its own. A clinic's appends take turns on an advisory lock, so its chain
     * has no forks; the entry is written with the service's own role, as the chain's tail may be read only so.
     */
    public void append(String clinicId, String actor, String roles, String action, String target, int status) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TenantConnections.unscoped(() -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('spotter.audit:' || ?))")) {
                    lock.setString(1, clinicId);
                    lock.execute();
                }
                String previous = AuditChain.GENESIS;
                try (PreparedStatement tail = connection.prepareStatement(
                        "SELECT hash FROM audit_entry WHERE clinic_id = ? ORDER BY seq DESC LIMIT 1")) {
                    tail.setString(1, clinicId);
                    try (ResultSet row = tail.executeQuery()) {
                        if (row.next()) {
                            previous = row.getString(1);
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry "
                        + "(clinic_id, at, actor, roles, action, target, status, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, clinicId);
                    insert.setTimestamp(2, Timestamp.from(at));
                    insert.setString(3, actor);
                    insert.setString(4, roles);
                    insert.setString(5, action);
                    insert.setString(6, target);
                    insert.setInt(7, status);
                    insert.setString(8, previous);
                    insert.setString(9, AuditChain.hash(previous, clinicId, at, actor, roles, action, target, status));
                    insert.executeUpdate();
                }
            }
            return null;
        }));
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
