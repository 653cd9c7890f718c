package dev.spotter.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings every Spotter service shares, under {@code spotter.*}. */
@ConfigMapping(prefix = "spotter")
public interface SpotterConfig {

    /** This service's name: the CloudEvents source, the consumer group and the dead-letter topic derive from it. */
    String serviceName();

    Outbox outbox();

    Kafka kafka();

    Demo demo();

    Clinic clinic();

    Idempotency idempotency();

    Stream stream();

    Tracing tracing();

    interface Tracing {
        /** Where spans are sent (OTLP); unset, no span is recorded, though trace ids are still passed on and logged. */
        Optional<String> endpoint();

        /** The share of new traces recorded, 0 to 1; a trace a caller started follows the caller's choice. */
        @WithDefault("1.0")
        double sampleRatio();
    }

    Security security();

    interface Security {
        VerifiedTokens verifiedTokens();

        /** Bearer tokens already checked are trusted again, without a signature check, for at most this long. */
        interface VerifiedTokens {
            /** 0 checks every request's token in full. */
            @WithDefault("2m")
            Duration maxAge();

            /** More distinct tokens than this within {@code maxAge} empty the store (a tablet or a user has one). */
            @WithDefault("5000")
            int maxEntries();
        }
    }

    interface Stream {
        /** How often every subscriber of a live stream gets a keep-alive comment. */
        @WithDefault("15s")
        Duration keepAlive();
    }

    interface Idempotency {
        /** How long an Idempotency-Key's answer is kept: longer than a tablet stays offline with a queue. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Demo {
        /** Seed the demo clinics' patients at start-up (local run only). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Clinic {
        /** The time zone of a clinic that has not set its own: its calendar decides expiry days. */
        @WithDefault("UTC")
        String defaultTimeZone();
    }

    interface Outbox {
        /** How often the relay looks for unpublished events when no notification woke it. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long published events stay in the outbox table before they are deleted. */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Kafka {
        /** Create the topics at start-up; off where an operator (Strimzi) manages them. */
        @WithDefault("true")
        boolean createTopics();

        @WithDefault("6")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
