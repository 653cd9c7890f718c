package dev.spotter.platform.audit;

import dev.spotter.platform.security.TenantConnections;
import io.agroal.api.AgroalDataSource;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Appends entries to the audit log, each chained to its clinic's previous one, and reads a clinic's entries.
 * <p>
 * Appends are written by one writer thread, as many as are waiting in one transaction (group commit): under load a
 * transaction and its commit per request cost as much as the request itself. Each caller still waits until its
 * entry is committed, so an answered request has its entry as before.
 * <p>
 * The writer keeps a connection of its own, taken from the pool once and again only after it broke: callers may
 * hold the pool's connections while they wait, so a writer that had to queue for one could wait for itself.
 */
@ApplicationScoped
public class AuditLog {

    static final String COLUMNS = "seq, clinic_id, at, actor, roles, action, target, status, prev_hash, hash";
    private static final Logger LOG = Logger.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 500;
    /** The writer's connection, as {@code pg_stat_activity} shows it. */
    public static final String WRITER_NAME = "spotter-audit-writer";
    /** Longer than any wait for the database the pool allows; reached only when the writer has stopped. */
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(30);

    /** An entry waiting for the writer, and the caller's wait for its commit. */
    private record Pending(String clinicId, Instant at, String actor, String roles, String action, String target,
                           int status, CompletableFuture<Void> written) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Object writerLock = new Object();
    private Thread writer;
    private volatile boolean stopping;
    /** The writer thread's own connection, in one transaction at a time; null until taken, or after it broke. */
    private Connection kept;

    /**
     * Appends an entry and returns once it is committed; throws when it could not be. A clinic's entries take turns on
     * an advisory lock, so its chain has no forks even with several replicas; the entries are written with the
     * service's own role, as the chain's tail may be read only so.
     */
    public void append(String clinicId, String actor, String roles, String action, String target, int status) {
        Pending entry = new Pending(clinicId, clock.instant().truncatedTo(ChronoUnit.MILLIS), actor, roles, action, target,
                status, new CompletableFuture<>());
        startWriter();
        waiting.add(entry);
        try {
            entry.written().get(WAIT_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the audit entry was not written within " + WAIT_AT_MOST, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit entry was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void startWriter() {
        synchronized (writerLock) {
            if (writer == null) {
                if (stopping) {
                    throw new IllegalStateException("the service is stopping");
                }
                writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::write);
            }
        }
    }

    /** The writer: waits for entries, then writes all that are waiting at once; at shutdown, those left. */
    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                writeEach(batch);
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                batch.forEach(entry -> entry.written().completeExceptionally(e));
                LOG.error("the audit writer failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; should it fail, each entry on its own, so one bad entry fails alone. */
    private void writeEach(List<Pending> batch) {
        try {
            insert(batch);
            batch.forEach(entry -> entry.written().complete(null));
        } catch (SQLException | RuntimeException failed) {
            if (batch.size() == 1) {
                batch.getFirst().written().completeExceptionally(failed);
                return;
            }
            for (Pending entry : batch) {
                try {
                    insert(List.of(entry));
                    entry.written().complete(null);
                } catch (SQLException | RuntimeException e) {
                    entry.written().completeExceptionally(e);
                }
            }
        }
    }

    /**
     * Writes the batch in one transaction. A kept connection may have broken while it waited (the database restarted, a
     * proxy closed it): then the batch is tried once more on a fresh one before it counts as failed.
     */
    private void insert(List<Pending> batch) throws SQLException {
        boolean wasKept = kept != null;
        try {
            insertOn(connection(), batch);
        } catch (SQLException | RuntimeException e) {
            release(e);
            if (!wasKept) {
                throw e;
            }
            LOG.debugf("the audit writer's connection failed (%s): trying a fresh one", e.getMessage());
            try {
                insertOn(connection(), batch);
            } catch (SQLException | RuntimeException again) {
                release(again);
                throw again;
            }
        }
    }

    private void insertOn(Connection connection, List<Pending> batch) throws SQLException {
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
        connection.commit();
    }

    private Connection connection() throws SQLException {
        if (kept == null) {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                setApplicationName(connection, WRITER_NAME);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            kept = connection;
        }
        return kept;
    }

    /** The connection's name in {@code pg_stat_activity} while the writer keeps it. */
    private static void setApplicationName(Connection connection, String name) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            set.setString(1, name);
            set.execute();
        }
        connection.commit();
    }

    /** After a failure the connection goes back to the pool (rolled back), whether it broke or not; the next batch takes one. */
    private void release(Exception cause) {
        Connection connection = kept;
        kept = null;
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            setApplicationName(connection, "");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Entries already handed in are written before the service stops. */
    @PreDestroy
    void stop() throws InterruptedException {
        Thread running;
        synchronized (writerLock) {
            stopping = true;
            running = writer;
        }
        if (running != null) {
            running.join(10_000);
        }
        if (running == null || !running.isAlive()) {
            Connection connection = kept;
            kept = null;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debugf("the audit writer's connection did not close cleanly: %s", e.getMessage());
                }
            }
        }
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
