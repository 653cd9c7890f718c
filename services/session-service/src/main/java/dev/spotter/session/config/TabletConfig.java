package dev.spotter.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** What the tablet app needs to know at start ({@code spotter.tablet.*}). */
@ConfigMapping(prefix = "spotter.tablet")
public interface TabletConfig {

    /** Where screening-service answers (patient names); unset behind the one-host ingress, where it is this origin. */
    Optional<String> screeningUrl();

    /** How often a tablet says it is there while a patient is inverted; well inside the 45 s silence watchdog. */
    @WithDefault("15s")
    Duration heartbeat();
}
