package dev.spotter.platform.inbox;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.SpotterEvent;
import dev.spotter.events.Topic;
import dev.spotter.events.UnreadableEventException;
import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.outbox.OutboxRelay;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.platform.tracing.TraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * strategy parks the record on the service's dead-letter topic with the reason, counted. Applying is a span of the
 * trace the record carries, so what the effect writes (an alert, its pages, the next events) joins that trace.
 * <p>
 * Once the service is stopping, a failure is no reason to dead-letter: the database session and the pool close under
 * the events still in flight. Such an event is held, its offset never committed, until the process ends; the next
 * start (this replica or another) applies it.
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

    @Inject
    Spans spans;

    private volatile boolean stopping;

    /** Early in the shutdown, before the database session closes: from here on a failed event is held, not dead-lettered. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Whether failed events are held rather than dead-lettered, as from the shutdown on; for tests, which turn it off again. */
    public void holdFailures(boolean hold) {
        stopping = hold;
    }

    public <E extends SpotterEvent> void consume(ConsumerRecord<String, byte[]> record, Topic<E> topic, Consumer<E> effect) {
        Map<String, String> headers = headers(record);
        E event;
        try {
            event = CloudEventCodec.decode(topic, headers, record.value());
        } catch (UnreadableEventException e) {
            throw deadLetter(record, "unreadable", e);
        }
        Span processing = spans.start(topic.name() + " process", SpanKind.CONSUMER, parentOf(headers), event.clinicId());
        processing.setAttribute(OutboxRelay.EVENT_TYPE, headers.get(CloudEventCodec.H_TYPE));
        try (Scope ignored = processing.makeCurrent()) {
            apply(record, topic, event, effect);
        } catch (RuntimeException e) {
            Spans.failed(processing, e);
            throw e;
        } finally {
            processing.end();
        }
    }

    /**
     * The span the Kafka connector made current for this record (it reads the record's {@code traceparent}); or, where
     * none is current, the record's own {@code traceparent}.
     */
    private static Context parentOf(Map<String, String> headers) {
        if (Span.current().getSpanContext().isValid()) {
            return Context.current();
        }
        return TraceContext.parent(headers);
    }

    private <E extends SpotterEvent> void apply(ConsumerRecord<String, byte[]> record, Topic<E> topic, E event, Consumer<E> effect) {
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
                if (stopping) {
                    holdWhileStopping(record, e);
                }
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

    /**
     * Holds the consumer's thread while the service stops, deaf to interrupts: returning or throwing would let the
     * connector commit the record's offset (or dead-letter it). Returns only should the stop be called off (tests).
     */
    private void holdWhileStopping(ConsumerRecord<String, byte[]> record, RuntimeException cause) {
        LOG.infof("the service is stopping: %s-%d@%d is left for the next start (%s)", record.topic(), record.partition(),
                record.offset(), cause.getMessage());
        boolean interrupted = false;
        while (stopping) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
