package dev.spotter.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Down when the outbox relay thread has died: events would pile up unpublished, so restart the pod. */
@Liveness
@ApplicationScoped
public class OutboxRelayLiveness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("outbox-relay").status(relay.isAlive()).build();
    }
}
