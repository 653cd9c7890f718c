package dev.spotter.platform.notify;

import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.tracing.Spans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * A live stream of one kind of record per clinic, as server-sent events. A change NOTIFYs on commit; every replica
 * listens, loads the record once and pushes its view to its own subscribers of that record's clinic only. Loading and
 * pushing happen on the stream's own thread, in the order of the notifications, so the thread that receives every
 * notification of the service (and wakes the outbox relay) never waits for a stream's database read. A push is a span
 * of the trace of the record's latest change, where the record keeps one ({@link #traceOf}).
 *
 * @param <V> the view pushed, as JSON
 */
public abstract class ClinicStream<V> implements NotificationListener {

    private static final Logger LOG = Logger.getLogger(ClinicStream.class);
    private static final AttributeKey<Long> SUBSCRIBERS = AttributeKey.longKey("spotter.stream.subscribers");

    private record Subscriber(SseEventSink sink, Sse sse) {
    }

    /** A record's view and the trace its latest change belongs to. */
    private record Loaded<V>(Optional<V> view, Context trace) {
    }

    private final Map<String, Set<Subscriber>> subscribersByClinic = new ConcurrentHashMap<>();
    private final ExecutorService pushes = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("stream-push").factory());

    @Inject
    EntityManager entityManager;

    @Inject
    Scheduler scheduler;

    @Inject
    SpotterConfig config;

    @Inject
    Spans spans;

    /** The view of the record with this id, read in a transaction of its own; empty when it is gone. */
    protected abstract Optional<V> load(UUID id);

    protected abstract String clinicOf(V view);

    protected abstract Class<V> viewType();

    /**
     * The trace of the record's latest change, read in {@link #load}'s transaction: a push is a span of it. The root
     * context (no span) by default, and where the record keeps none.
     */
    protected Context traceOf(UUID id) {
        return Context.root();
    }

    /**
     * Tells every replica, once the current transaction commits, that a record of this clinic changed; {@code kind} names
     * the SSE event. The clinic travels with it so a replica with no subscriber of that clinic reads nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String kind, String clinicId, UUID id) {
        // plain JDBC on the transaction's connection: no flush of pending entities, no result type to resolve
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, channel());
                notify.setString(2, kind + " " + clinicId + " " + id);
                notify.execute();
            }
        });
    }

    /** Adds a subscriber of one clinic; it gets {@code subscribed} at once, then the clinic's changes. */
    public void subscribe(String clinicId, SseEventSink sink, Sse sse) {
        Subscriber subscriber = new Subscriber(sink, sse);
        subscribersByClinic.computeIfAbsent(clinicId, c -> ConcurrentHashMap.newKeySet()).add(subscriber);
        send(clinicId, subscriber, sse.newEventBuilder().name("subscribed").data(clinicId).build());
    }

    /** Starts the keep-alive comments; call once at start-up. */
    protected void startKeepAlive() {
        scheduler.newJob(channel() + "-keep-alive").setInterval(config.stream().keepAlive().toMillis() + "ms")
                .setTask(execution -> keepAlive()).schedule();
    }

    /** A comment every few seconds keeps idle connections open through proxies and finds the dead ones. */
    void keepAlive() {
        subscribersByClinic.forEach((clinicId, subscribers) -> subscribers.forEach(subscriber ->
                send(clinicId, subscriber, subscriber.sse().newEventBuilder().comment("keep-alive").build())));
    }

    @Override
    public void onNotification(String payload) {
        pushes.execute(() -> {
            try {
                push(payload);
            } catch (RuntimeException e) {
                LOG.errorf(e, "pushing %s to the %s stream failed", payload, channel());
            }
        });
    }

    private void push(String payload) {
        String[] parts = payload.split(" ", 3);
        String kind = parts[0];
        String clinicId = parts[1];
        UUID id = UUID.fromString(parts[2]);
        if (subscribersByClinic.getOrDefault(clinicId, Set.of()).isEmpty()) {
            return;
        }
        Loaded<V> loaded = QuarkusTransaction.requiringNew().call(() -> new Loaded<>(load(id), traceOf(id)));
        Optional<V> view = loaded.view();
        if (view.isEmpty() || !clinicOf(view.get()).equals(clinicId)) {
            return;
        }
        Span push = Span.fromContext(loaded.trace()).getSpanContext().isValid()
                ? spans.start(kind + " push", SpanKind.PRODUCER, loaded.trace(), clinicId) : Span.getInvalid();
        try {
            Set<Subscriber> subscribers = subscribersByClinic.getOrDefault(clinicId, Set.of());
            push.setAttribute(SUBSCRIBERS, subscribers.size());
            for (Subscriber subscriber : subscribers) {
                send(clinicId, subscriber, subscriber.sse().newEventBuilder().name(kind).id(id.toString())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(viewType(), view.get()).build());
            }
        } finally {
            push.end();
        }
    }

    private void send(String clinicId, Subscriber subscriber, OutboundSseEvent event) {
        if (subscriber.sink().isClosed()) {
            drop(clinicId, subscriber);
            return;
        }
        subscriber.sink().send(event).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.debugf("dropping a subscriber of %s: %s", clinicId, failure.getMessage());
                drop(clinicId, subscriber);
            }
        });
    }

    private void drop(String clinicId, Subscriber subscriber) {
        Set<Subscriber> subscribers = subscribersByClinic.get(clinicId);
        if (subscribers != null) {
            subscribers.remove(subscriber);
        }
        subscriber.sink().close();
    }
}
