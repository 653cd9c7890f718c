package dev.spotter.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often the watchdog looks for sessions whose deadline has come ({@code spotter.watchdog.*}). */
@ConfigMapping(prefix = "spotter.watchdog")
public interface WatchdogConfig {

    @WithDefault("1s")
    Duration interval();
}
