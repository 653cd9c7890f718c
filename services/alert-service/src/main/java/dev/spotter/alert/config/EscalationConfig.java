package dev.spotter.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often alert-service looks for escalations that have fallen due ({@code spotter.escalation.*}). */
@ConfigMapping(prefix = "spotter.escalation")
public interface EscalationConfig {

    @WithDefault("1s")
    Duration interval();
}
