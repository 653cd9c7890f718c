package dev.spotter.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Group commit: one writer thread writes everything callers have handed in, all that is waiting in one transaction, and
 * each caller waits until its own item is committed. Under load a transaction and its commit per request cost as much as
 * the request itself; this way many requests share one.
 * <p>
 * Should a batch fail, each of its items is written on its own, so one bad item fails alone. The writer keeps a
 * connection of its own, taken from the pool once and again only after it broke: callers may hold the pool's
 * connections while they wait, so a writer that had to queue for one could wait for itself.
 *
 * @param <T> what a caller hands in
 * @param <R> what the caller gets back once its item is committed
 */
public final class GroupCommit<T, R> {

    /** The statements for one batch, on the writer's connection inside its transaction: one result per item, in order. */
    @FunctionalInterface
    public interface Work<T, R> {
        List<R> write(Connection connection, List<T> batch) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** Longer than any wait for the database the pool allows; reached only when the writer has stopped. */
    private static final Duration WAIT_AT_MOST = Duration.ofSeconds(30);

    private record Pending<T, R>(T item, CompletableFuture<R> done) {
    }

    private final String name;
    private final DataSource dataSource;
    private final int maxBatch;
    private final Work<T, R> work;
    private final BlockingQueue<Pending<T, R>> waiting = new LinkedBlockingQueue<>();
    private final Object writerLock = new Object();
    private Thread writer;
    private volatile boolean stopping;
    /** The writer thread's own connection, in one transaction at a time; null until taken, or after it broke. */
    private Connection kept;

    /** {@code name} is the writer thread's and its connection's {@code application_name} in {@code pg_stat_activity}. */
    public GroupCommit(String name, DataSource dataSource, int maxBatch, Work<T, R> work) {
        this.name = name;
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.work = work;
    }

    /** Hands {@code item} in and returns its result once it is committed; throws when it could not be. */
    public R write(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        startWriter();
        waiting.add(pending);
        try {
            return pending.done().get(WAIT_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": not written within " + WAIT_AT_MOST, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting for the write", e);
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
                writer = Thread.ofPlatform().name(name).daemon().start(this::run);
            }
        }
    }

    /** The writer: waits for items, then writes all that are waiting at once; once stopping, those left. */
    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (!stopping || !waiting.isEmpty()) {
            try {
                Pending<T, R> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                writeEach(batch);
            } catch (InterruptedException e) {
                stopping = true;
            } catch (RuntimeException e) {
                batch.forEach(pending -> pending.done().completeExceptionally(e));
                LOG.errorf(e, "%s failed", name);
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; should it fail, each item on its own. */
    private void writeEach(List<Pending<T, R>> batch) {
        try {
            complete(batch, commit(batch.stream().map(Pending::item).toList()));
        } catch (SQLException | RuntimeException failed) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(failed);
                return;
            }
            for (Pending<T, R> pending : batch) {
                try {
                    complete(List.of(pending), commit(List.of(pending.item())));
                } catch (SQLException | RuntimeException e) {
                    pending.done().completeExceptionally(e);
                }
            }
        }
    }

    private static <T, R> void complete(List<Pending<T, R>> batch, List<R> results) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    /**
     * Writes the items in one transaction. A kept connection may have broken while it waited (the database restarted, a
     * proxy closed it): then they are tried once more on a fresh one before they count as failed.
     */
    private List<R> commit(List<T> items) throws SQLException {
        boolean wasKept = kept != null;
        try {
            return commitOn(connection(), items);
        } catch (SQLException | RuntimeException e) {
            release(e);
            if (!wasKept) {
                throw e;
            }
            LOG.debugf("%s: its connection failed (%s), trying a fresh one", name, e.getMessage());
            try {
                return commitOn(connection(), items);
            } catch (SQLException | RuntimeException again) {
                release(again);
                throw again;
            }
        }
    }

    private List<R> commitOn(Connection connection, List<T> items) throws SQLException {
        List<R> results = work.write(connection, items);
        if (results.size() != items.size()) {
            // checked before the commit: a batch that counted as failed after it had been committed would be written twice
            throw new IllegalStateException(name + ": " + results.size() + " results for " + items.size() + " items");
        }
        connection.commit();
        return results;
    }

    private Connection connection() throws SQLException {
        if (kept == null) {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                setApplicationName(connection, name);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            kept = connection;
        }
        return kept;
    }

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

    /** Items already handed in are written before the writer stops; later ones are refused. */
    public void stop() throws InterruptedException {
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
                    LOG.debugf("%s: its connection did not close cleanly: %s", name, e.getMessage());
                }
            }
        }
    }
}
