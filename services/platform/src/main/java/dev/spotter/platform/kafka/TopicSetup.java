package dev.spotter.platform.kafka;

import dev.spotter.events.Topic;
import dev.spotter.events.Topics;
import dev.spotter.platform.config.SpotterConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/** Creates Spotter's topics and this service's dead-letter topic where no operator manages them. */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    @Inject
    @Identifier(KafkaClientSettings.IDENTIFIER)
    Map<String, Object> kafkaConfig;

    @Inject
    SpotterConfig config;

    void createTopics(@Observes StartupEvent event) {
        if (!config.kafka().createTopics()) {
            return;
        }
        List<String> names = new ArrayList<>(Topics.all().stream().map(t -> t.name()).toList());
        names.add(Topic.deadLetterTopicOf(config.serviceName()));
        try (Admin admin = Admin.create(kafkaConfig)) {
            for (String name : names) {
                create(admin, new NewTopic(name, config.kafka().partitions(), config.kafka().replicationFactor()));
            }
        }
    }

    private static void create(Admin admin, NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
            LOG.infof("created topic %s", topic.name());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create topic %s: %s", topic.name(), e.getCause().getMessage());
            }
        } catch (Exception e) {
            LOG.warnf("could not create topic %s: %s", topic.name(), e.getMessage());
        }
    }
}
