package dev.spotter.screening.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often screening-service looks for clearances whose expiry day has come ({@code spotter.clearance.*}). */
@ConfigMapping(prefix = "spotter.clearance")
public interface ClearanceConfig {

    @WithDefault("60s")
    Duration expiryCheck();
}
