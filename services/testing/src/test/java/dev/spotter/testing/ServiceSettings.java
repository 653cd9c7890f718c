package dev.spotter.testing;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A service's {@code application.properties} resolved as Quarkus resolves it in production, under the environment
 * variables given: its Kafka client settings (the {@code kafka.*} properties, less those left empty, as the platform's
 * {@code KafkaClientSettings} passes them on), the topics and groups of its consumers, and its dead-letter topics.
 */
final class ServiceSettings {

    private final SmallRyeConfig config;

    private ServiceSettings(SmallRyeConfig config) {
        this.config = config;
    }

    static ServiceSettings of(String service, Map<String, String> environment) {
        Path file = Path.of(System.getProperty("services.dir", ".."), service, "src/main/resources/application.properties");
        try {
            return new ServiceSettings(new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> kafka() {
        Map<String, Object> settings = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                config.getOptionalValue(name, String.class).filter(value -> !value.isBlank())
                        .ifPresent(value -> settings.put(name.substring("kafka.".length()), value));
            }
        }
        return settings;
    }

    /** Each incoming channel's topic and consumer group. */
    Map<String, String> groupsByTopic() {
        Map<String, String> groups = new HashMap<>();
        for (String channel : incomingChannels()) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            groups.put(config.getValue(prefix + "topic", String.class), config.getValue(prefix + "group.id", String.class));
        }
        return groups;
    }

    Set<String> deadLetterTopics() {
        Set<String> topics = new HashSet<>();
        for (String channel : incomingChannels()) {
            topics.add(config.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class));
        }
        return topics;
    }

    private Set<String> incomingChannels() {
        Set<String> channels = new HashSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector")) {
                channels.add(name.substring("mp.messaging.incoming.".length(), name.length() - ".connector".length()));
            }
        }
        return channels;
    }
}
