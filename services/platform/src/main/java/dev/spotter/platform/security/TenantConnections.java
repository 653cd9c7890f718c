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
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Defence in depth for tenancy: a database connection taken for an HTTP request acts as the {@value #ROLE} role with
 * {@code spotter.clinic} set to the caller's clinic, so PostgreSQL's row-level security ({@link RowLevelSecurity})
 * shows and accepts only that clinic's rows even where a query forgot its clinic filter. A caller without a clinic
 * sees nothing ({@code ""}), operations staff only the platform's own rows ({@value #PLATFORM}).
 * <p>
 * Work that is not a request (consumers, the outbox relay, timers) and {@link #unscoped} work keep the service's own
 * role: they act for every clinic and scope their queries themselves.
 */
@ApplicationScoped
public class TenantConnections implements AgroalPoolInterceptor {

    public static final String ROLE = "spotter_tenant";
    /** The clinic of rows that belong to the platform, not to a clinic (operations staff's audit entries). */
    public static final String PLATFORM = "*";

    private static final ThreadLocal<Boolean> UNSCOPED = ThreadLocal.withInitial(() -> false);
    private final Set<Connection> scoped = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

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
        try {
            Connection physical = physical(connection);
            if (clinic == null) {
                if (scoped.contains(physical)) {
                    reset(connection, physical); // never hand a request's scope on to other work
                }
                return;
            }
            try (PreparedStatement scope = connection.prepareStatement(
                    "SELECT set_config('spotter.clinic', ?, false), set_config('role', '" + ROLE + "', false)")) {
                scope.setString(1, clinic);
                scope.execute();
            }
            scoped.add(physical);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope a database connection to clinic " + clinic, e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            Connection physical = physical(connection);
            if (scoped.contains(physical)) {
                reset(connection, physical);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset a database connection's clinic", e);
        }
    }

    private void reset(Connection connection, Connection physical) throws SQLException {
        try (Statement reset = connection.createStatement()) {
            reset.execute("RESET ROLE; RESET spotter.clinic");
        }
        scoped.remove(physical);
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
        if (identity.getPrincipal() instanceof JsonWebToken token && CallerClinic.clinicOf(token) != null) {
            return CallerClinic.clinicOf(token);
        }
        return identity.hasRole(Roles.OPS) ? PLATFORM : "";
    }
}
