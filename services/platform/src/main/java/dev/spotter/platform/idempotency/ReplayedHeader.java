package dev.spotter.platform.idempotency;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Marks a stored answer given again, so a client (and its logs) can tell a replay from a first answer. */
public class ReplayedHeader {

    @ServerResponseFilter
    public void mark(ContainerResponseContext response, RoutingContext request) {
        if (Boolean.TRUE.equals(request.get(Idempotent.REPLAYED_HEADER))) {
            response.getHeaders().putSingle(Idempotent.REPLAYED_HEADER, "true");
        }
    }
}
