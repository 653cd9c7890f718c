package dev.spotter.events;

import java.time.Instant;
import java.util.UUID;

/** What every Spotter event carries: its own id, the clinic it belongs to, when it happened, and its ordering key. */
public interface SpotterEvent {

    UUID eventId();

    String clinicId();

    Instant occurredAt();

    /** Kafka record key: events with the same key (one session, one patient) stay in order. */
    String key();
}
