package dev.spotter.platform.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.kafka.KafkaClientSettings;
import dev.spotter.platform.notify.NotificationListener;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.platform.tracing.TraceContext;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order with an idempotent, acks=all producer, and marks
 * them published only after the broker acknowledged them. Woken by NOTIFY on every commit that
 * wrote an event; also polls, so nothing waits for long if a notification is missed. One replica
 * relays at a time (a transaction-scoped advisory lock), keeping each key's events in order. Each send of an event
 * written within a trace is a span of that trace, and its record carries the span as {@code traceparent}.
 */
@ApplicationScoped
public class OutboxRelay implements NotificationListener {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The transaction-scoped advisory lock a replica holds while it relays a batch. */
    public static final long RELAY_LOCK = 0x5307_7e12L;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    /** The CloudEvents type of the event sent or processed. */
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("spotter.event_type");

    private final AgroalDataSource dataSource;
    private final Map<String, Object> kafkaConfig;
    private final SpotterConfig config;
    private final Counter published;
    private final Semaphore wake = new Semaphore(0);
    private final Spans spans;

    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, byte[]> producer;
    private Instant lastCleanup = Instant.EPOCH;

    @Inject
    public OutboxRelay(AgroalDataSource dataSource, @Identifier(KafkaClientSettings.IDENTIFIER) Map<String, Object> kafkaConfig,
                       SpotterConfig config, MeterRegistry registry, Spans spans) {
        this.dataSource = dataSource;
        this.spans = spans;
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.published = Counter.builder("spotter.outbox.published").description("Events the outbox relay published").register(registry);
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5000);
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** True while the relay thread runs; the liveness check reports it. */
    public boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    @Override
    public String channel() {
        return Outbox.CHANNEL;
    }

    @Override
    public void onNotification(String payload) {
        wake.release();
    }

    @Override
    public void onConnected() {
        wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(50);
        while (running) {
            try {
                wake.drainPermits();
                int sent = relayBatch();
                backoff = Duration.ofMillis(50);
                if (sent < config.outbox().batchSize()) {
                    wake.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                cleanUpNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff.toMillis(), e.getMessage());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch in commit order; returns how many events were published. */
    int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int relayBatch(Connection connection) throws Exception {
        if (!tryLock(connection)) {
            return 0;
        }
        List<OutboxRow> rows = unpublished(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Span> sends = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                Span send = sendSpan(row);
                sends.add(send);
                acks.add(producer.send(row.toRecord(send)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            sends.forEach(send -> Spans.failed(send, e));
            throw e;
        } finally {
            sends.forEach(Span::end);
        }
        markPublished(connection, rows);
        published.increment(rows.size());
        return rows.size();
    }

    /**
     * The send's span, a child of the work that wrote the event; it, not that work, is the parent the record carries
     * in its {@code traceparent} header. No span for a row written outside any trace.
     */
    private Span sendSpan(OutboxRow row) {
        Context parent = TraceContext.parentFromJson(row.traceContext());
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        Span send = spans.start(row.topic() + " publish", SpanKind.PRODUCER, parent, row.clinicId());
        send.setAttribute(MESSAGING_SYSTEM, "kafka");
        send.setAttribute(DESTINATION, row.topic());
        send.setAttribute(EVENT_TYPE, row.eventType());
        return send;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> unpublished(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT seq, topic, message_key, headers, payload, clinic_id, event_type, trace_context FROM outbox_message
                WHERE published_at IS NULL ORDER BY seq LIMIT ?""")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong(1), result.getString(2), result.getString(3),
                            JSON.readValue(result.getString(4), new TypeReference<Map<String, String>>() { }),
                            result.getString(5), result.getString(6), result.getString(7), result.getString(8)));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox headers", e);
        }
        return rows;
    }

    private static void markPublished(Connection connection, List<OutboxRow> rows) throws SQLException {
        Array seqs = connection.createArrayOf("bigint", rows.stream().map(OutboxRow::seq).toArray());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox_message SET published_at = now() WHERE seq = ANY(?)")) {
            update.setArray(1, seqs);
            update.executeUpdate();
        }
    }

    private void cleanUpNowAndThen() throws SQLException {
        if (Instant.now().isBefore(lastCleanup.plus(Duration.ofHours(1)))) {
            return;
        }
        lastCleanup = Instant.now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM outbox_message WHERE published_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, config.outbox().retention().toSeconds());
            delete.executeUpdate();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox-relay");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return producerConfig;
    }

    private static boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record OutboxRow(long seq, String topic, String key, Map<String, String> headers, String payload, String clinicId,
                             String eventType, String traceContext) {

        /** The record with the event's headers, and the send's trace context when it has one. */
        ProducerRecord<String, byte[]> toRecord(Span send) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            TraceContext.of(Context.root().with(send))
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
