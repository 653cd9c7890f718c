package dev.spotter.platform.inbox;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.SpotterEvent;
import dev.spotter.events.Topic;
import dev.spotter.events.UnreadableEventException;
import dev.spotter.platform.config.SpotterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * How every consumer applies an event: decode it, then in one transaction record its id and apply
 * its effect, so a redelivered event changes nothing. A failure that will pass (the database is
 * away) is retried until it succeeds; anything else is thrown, and the channel's dead-letter
 * strategy parks the record on the service's dead-letter topic with the reason, counted.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    ProcessedEvents processedEvents;

    @Inject
    MeterRegistry registry;

    @Inject
    SpotterConfig config;

    public <E extends SpotterEvent> void consume(ConsumerRecord<String, byte[]> record, Topic<E> topic, Consumer<E> effect) {
        E event;
        try {
            event = CloudEventCodec.decode(topic, headers(record), record.value());
        } catch (UnreadableEventException e) {
            throw deadLetter(record, "unreadable", e);
        }
        Duration backoff = Duration.ofMillis(50);
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (processedEvents.firstDelivery(event)) {
                        effect.accept(event);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw deadLetter(record, e instanceof RejectedEventException ? "rejected" : "failed", e);
                }
                LOG.warnf("applying %s from %s failed for now, retrying in %d ms: %s",
                        event.eventId(), topic.name(), backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private RuntimeException deadLetter(ConsumerRecord<String, byte[]> record, String kind, RuntimeException cause) {
        registry.counter("spotter.events.dead.lettered", "service", config.serviceName(), "topic", record.topic(), "kind", kind)
                .increment();
        LOG.errorf("dead-lettering %s-%d@%d (%s): %s", record.topic(), record.partition(), record.offset(), kind, cause.getMessage());
        return cause;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
