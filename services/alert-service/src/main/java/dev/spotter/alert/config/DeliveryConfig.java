package dev.spotter.alert.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How pages are sent by webhook and e-mail ({@code spotter.delivery.*}). */
@ConfigMapping(prefix = "spotter.delivery")
public interface DeliveryConfig {

    /** How often a replica looks for pages due to be sent, besides being woken by every commit that made one. */
    @WithDefault("1s")
    Duration interval();

    /** How long one attempt may take before it counts as failed. */
    @WithDefault("5s")
    Duration attemptTimeout();

    /** Attempts per page and channel before it is given up as failed. */
    @WithDefault("4")
    int maxAttempts();

    /** The wait before the first retry; each later retry waits twice as long. */
    @WithDefault("2s")
    Duration firstRetry();

    /**
     * Whether webhooks may go to plain http and to private, loopback and link-local networks: only for a local run
     * or a test, never in production ({@link dev.spotter.alert.delivery.WebhookAddresses}).
     */
    @WithDefault("false")
    boolean webhookPrivateNetworks();

    /** The key that encrypts the clinics' webhook secrets at rest: 32 random bytes in base64 ({@link dev.spotter.alert.delivery.SecretBox}). */
    String secretKey();

    /** The console's address, linked from every page (for example https://spotter.example.org/console/). */
    Optional<String> consoleUrl();
}
