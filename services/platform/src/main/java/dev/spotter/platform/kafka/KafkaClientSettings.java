package dev.spotter.platform.kafka;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * The settings every Kafka client of a service shares: the consumers and their dead-letter producers, the outbox
 * relay, topic setup and the health check. They are Quarkus's {@code kafka.*} properties less those left empty.
 */
@ApplicationScoped
public class KafkaClientSettings {

    /** The name SmallRye Kafka, the Kafka client extension and the platform look the shared settings up by. */
    public static final String IDENTIFIER = "default-kafka-broker";

    /**
     * Quarkus passes a property whose value is empty on as "" (an unset {@code ${SPOTTER_KAFKA_TRUSTSTORE:}}), and Kafka
     * reads "" as a value: a truststore at an empty path. Dropped here, the client keeps its own default.
     */
    @Produces
    @Singleton
    @Identifier(IDENTIFIER)
    Map<String, Object> settings(Config config, ApplicationConfig application) {
        Map<String, Object> settings = new HashMap<>(new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application));
        settings.values().removeIf(value -> value instanceof String text && text.isBlank());
        return settings;
    }
}
