package dev.spotter.platform.inbox;

import dev.spotter.events.EventTypes;
import dev.spotter.events.SpotterEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The record of event ids this service has applied, written in the same transaction as their effect. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /** Records the event as processed; false if it already was (a redelivery: apply nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(SpotterEvent event) {
        return entityManager.createNativeQuery("""
                        INSERT INTO processed_event (event_id, clinic_id, event_type) VALUES (?1, ?2, ?3)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, event.eventId())
                .setParameter(2, event.clinicId())
                .setParameter(3, EventTypes.typeOf(event.getClass()))
                .executeUpdate() == 1;
    }
}
