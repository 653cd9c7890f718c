package dev.spotter.platform.outbox;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.SpotterEvent;
import dev.spotter.platform.config.SpotterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;

/**
 * The only way a service publishes an event: the event is written to the {@code outbox_message}
 * table in the caller's transaction, so it leaves if and only if the state change commits.
 * A NOTIFY, delivered on commit, wakes the {@link OutboxRelay} at once.
 */
@ApplicationScoped
public class Outbox {

    public static final String CHANNEL = "spotter_outbox";

    private final EntityManager entityManager;
    private final CloudEventCodec codec;

    @Inject
    public Outbox(EntityManager entityManager, SpotterConfig config) {
        this.entityManager = entityManager;
        this.codec = new CloudEventCodec("/spotter/" + config.serviceName());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(SpotterEvent event) {
        EncodedEvent encoded = codec.encode(event);
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_message (id, clinic_id, topic, message_key, event_type, headers, payload, occurred_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7, ?8)""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.clinicId())
                .setParameter(3, encoded.topic())
                .setParameter(4, encoded.key())
                .setParameter(5, encoded.headers().get(CloudEventCodec.H_TYPE))
                .setParameter(6, new String(CloudEventCodec.toJson(encoded.headers())))
                .setParameter(7, encoded.dataAsString())
                .setParameter(8, Timestamp.from(event.occurredAt()))
                .executeUpdate();
        entityManager.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')").getSingleResult();
    }
}
