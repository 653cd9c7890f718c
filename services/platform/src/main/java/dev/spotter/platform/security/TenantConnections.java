package dev.spotter.platform.security;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Defence in depth for tenancy: a database connection taken for an HTTP request acts as the {@value #ROLE} role with
 * {@code spotter.clinic} set to the caller's clinic, so PostgreSQL's row-level security ({@link RowLevelSecurity})
 * shows and accepts only that clinic's rows even where a query forgot its clinic filter. A caller without a clinic
 * sees nothing ({@code ""}), operations staff only the platform's own rows ({@value #PLATFORM}).
 * <p>
 * Work that is not a request (consumers, the outbox relay, timers) and {@link #unscoped} work keep the service's own
 * role: they act for every clinic and scope their queries themselves.
 * <p>
 * A connection goes back to the pool as it is: whoever takes it next sets its own clinic (a request) or resets it
 * (other work), so each use costs one round trip for its scope, not one to set it and one more to reset it. A setting
 * made inside a transaction is undone should the transaction roll back, so a connection counts as scoped until a
 * reset outside a transaction has stuck.
 */
@ApplicationScoped
public class TenantConnections implements AgroalPoolInterceptor {

    public static final String ROLE = "spotter_tenant";
    /** The clinic of rows that belong to the platform, not to a clinic (operations staff's audit entries). */
    public static final String PLATFORM = "*";

    private static final Logger LOG = Logger.getLogger(TenantConnections.class);
    private static final ThreadLocal<Boolean> UNSCOPED = ThreadLocal.withInitial(() -> false);
    /** The driver connections that may still carry a clinic; weak, as the pool closes and replaces connections. */
    private final Set<Connection> scoped = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /** Runs {@code work} with the service's own role although a request is under way (e.g. the audit log's chain). */
    public static <T> T unscoped(Supplier<T> work) {
        boolean outer = UNSCOPED.get();
        UNSCOPED.set(true);
        try {
            return work.get();
        } finally {
            UNSCOPED.set(outer);
        }
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        String clinic = requestClinic();
        Connection physical = null;
        try {
            physical = physical(connection);
            if (clinic == null) {
                if (scoped.contains(physical)) {
                    reset(connection); // never hand a request's scope on to other work
                    if (connection.getAutoCommit()) {
                        scoped.remove(physical); // inside a transaction the reset is undone should it roll back
                    }
                }
                return;
            }
            // recorded first, and kept: the next to take it resets it even should this transaction roll back
            scoped.add(physical);
            try (PreparedStatement scope = connection.prepareStatement(
                    "SELECT set_config('spotter.clinic', ?, false), set_config('role', '" + ROLE + "', false)")) {
                scope.setString(1, clinic);
                scope.execute();
            }
        } catch (SQLException e) {
            discard(physical, e);
            throw new IllegalStateException("cannot set a database connection's clinic", e);
        }
    }

    private static void reset(Connection connection) throws SQLException {
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET ROLE; RESET spotter.clinic");
        }
    }

    /**
     * A connection whose clinic could not be set or reset (it broke: the database went away, the backend was ended) must not
     * serve anyone again: it is closed, so the pool drops it at its next use and opens a fresh one.
     */
    private void discard(Connection physical, Exception cause) {
        LOG.warnf("a database connection's clinic could not be set or reset (%s): the connection is closed", cause.getMessage());
        if (physical == null) {
            return;
        }
        scoped.remove(physical);
        try {
            physical.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing a broken connection failed", e);
        }
    }

    /** The driver's connection: the pool hands its interceptors a new wrapper each time. */
    private static Connection physical(Connection connection) throws SQLException {
        return connection.unwrap(Connection.class);
    }

    /** The clinic whose rows this thread may touch, or null when it is not serving a request. */
    private static String requestClinic() {
        ArcContainer container = Arc.container();
        if (UNSCOPED.get() || container == null || !container.requestContext().isActive()
                || container.instance(CurrentVertxRequest.class).get().getCurrent() == null) {
            return null;
        }
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        String clinic = CallerClinic.clinicOf(identity);
        if (clinic != null) {
            return clinic;
        }
        return identity.hasRole(Roles.OPS) ? PLATFORM : "";
    }
}
