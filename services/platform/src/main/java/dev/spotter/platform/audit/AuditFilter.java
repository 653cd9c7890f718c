package dev.spotter.platform.audit;

import dev.spotter.platform.security.CallerClinic;
import dev.spotter.platform.security.TenantConnections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records every API request of a signed-in user in the {@link AuditLog} once it is answered: every read and write of
 * patient data, every alert action, and every refusal (403, 404, 4xx). The answer has been committed by then; an
 * entry that cannot be written is logged and counted ({@code spotter.audit.failures}), never silently skipped.
 * Requests without a valid token are refused before they reach here and are not recorded.
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Pattern ID = Pattern.compile("/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?=/|$)");
    private static final int MAX_TARGET = 500;

    private final AuditLog log;
    private final SecurityIdentity identity;
    private final Counter failures;

    @Inject
    AuditFilter(AuditLog log, SecurityIdentity identity, MeterRegistry registry) {
        this.log = log;
        this.identity = identity;
        this.failures = Counter.builder("spotter.audit.failures")
                .description("audit entries that could not be written").register(registry);
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        if (identity.isAnonymous() || !path.startsWith("/api/")) {
            return;
        }
        String clinic = Objects.requireNonNullElse(CallerClinic.clinicOf(identity), TenantConnections.PLATFORM);
        String actor = identity.getPrincipal().getName();
        String roles = String.join(",", new TreeSet<>(identity.getRoles()));
        String target = path.length() > MAX_TARGET ? path.substring(0, MAX_TARGET) : path;
        String action = request.getMethod() + " " + ID.matcher(target).replaceAll("/{id}");
        int status = response.getStatus();
        Runnable append = () -> {
            try {
                log.append(clinic, actor == null ? "" : actor, roles, action, target, status);
            } catch (RuntimeException e) {
                failures.increment();
                LOG.errorf(e, "audit entry not written: %s %s by %s of %s (%d)", action, target, actor, clinic, status);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            append.run();
        } else {
            // a stream's answer starts on the event loop, which must not wait for the database
            Infrastructure.getDefaultWorkerPool().execute(append);
        }
    }
}
