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
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
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
        // one request for all of them: a request per topic, each waiting for the controller, lengthened every start
        try (Admin admin = Admin.create(kafkaConfig)) {
            CreateTopicsResult created = admin.createTopics(names.stream()
                    .map(name -> new NewTopic(name, config.kafka().partitions(), config.kafka().replicationFactor())).toList());
            created.values().forEach(TopicSetup::awaitCreated);
        }
    }

    private static void awaitCreated(String name, KafkaFuture<Void> creation) {
        try {
            creation.get(10, TimeUnit.SECONDS);
            LOG.infof("created topic %s", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warnf("could not create topic %s: %s", name, e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warnf("could not create topic %s: interrupted", name);
        } catch (TimeoutException e) {
            LOG.warnf("could not create topic %s: no answer within 10 s", name);
        }
    }
}
