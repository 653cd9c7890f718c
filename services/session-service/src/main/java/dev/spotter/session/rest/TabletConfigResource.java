package dev.spotter.session.rest;

import dev.spotter.session.config.TabletConfig;
import dev.spotter.session.domain.PostSessionCheck;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The tablet app's settings, read before sign-in: part of the app shell, with nothing of any clinic in it. */
@Path("/api/tablet/config")
public class TabletConfigResource {

    public record TabletSettings(String screeningUrl, long heartbeatSeconds, long sitMinutes) {
    }

    @Inject
    TabletConfig config;

    @GET
    @PermitAll
    public TabletSettings settings() {
        return new TabletSettings(config.screeningUrl().orElse(""), config.heartbeat().toSeconds(),
                PostSessionCheck.SITTING_BEFORE_STANDING.toMinutes());
    }
}
