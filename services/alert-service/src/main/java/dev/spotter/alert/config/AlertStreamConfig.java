package dev.spotter.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live alert stream's settings ({@code spotter.alert-stream.*}). */
@ConfigMapping(prefix = "spotter.alert-stream")
public interface AlertStreamConfig {

    /** How often every subscriber gets a keep-alive comment. */
    @WithDefault("15s")
    Duration keepAlive();
}
