package dev.spotter.platform.outbox;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.SpotterEvent;
import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.tracing.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import org.hibernate.Session;

/**
 * The only way a service publishes an event: the event is written to the {@code outbox_message}
 * table in the caller's transaction, so it leaves if and only if the state change commits.
 * A NOTIFY, delivered on commit, wakes the {@link OutboxRelay} at once. The current trace goes with the row, so the
 * relay's send joins it.
 */
@ApplicationScoped
public class Outbox {

    public static final String CHANNEL = "spotter_outbox";
    private static final String NOTIFIED = Outbox.class.getName() + ".notified";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final CloudEventCodec codec;

    @Inject
    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, SpotterConfig config) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.codec = new CloudEventCodec("/spotter/" + config.serviceName());
    }

    /**
     * Writes the event on the transaction's own connection with plain JDBC: a native query through Hibernate would
     * flush every pending entity first and resolve the result's types anew on each call, which profiling showed among
     * the stop-symptom path's costs. One NOTIFY per transaction, however many events it writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(SpotterEvent event) {
        EncodedEvent encoded = codec.encode(event);
        boolean notify = transactions.getResource(NOTIFIED) == null;
        transactions.putResource(NOTIFIED, Boolean.TRUE);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_message (id, clinic_id, topic, message_key, event_type, headers, payload, occurred_at,
                                                trace_context)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, CAST(? AS jsonb))""")) {
                insert.setObject(1, event.eventId());
                insert.setString(2, event.clinicId());
                insert.setString(3, encoded.topic());
                insert.setString(4, encoded.key());
                insert.setString(5, encoded.headers().get(CloudEventCodec.H_TYPE));
                insert.setString(6, new String(CloudEventCodec.toJson(encoded.headers()), StandardCharsets.UTF_8));
                insert.setString(7, encoded.dataAsString());
                insert.setTimestamp(8, Timestamp.from(event.occurredAt()));
                insert.setString(9, TraceContext.currentAsJson());
                insert.executeUpdate();
            }
            if (notify) {
                try (Statement wake = connection.createStatement()) {
                    wake.execute("NOTIFY " + CHANNEL);
                }
            }
        });
    }
}
