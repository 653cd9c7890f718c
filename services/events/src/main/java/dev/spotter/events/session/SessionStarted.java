package dev.spotter.events.session;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** A tablet started an inversion session for a patient. */
@EventType(name = "dev.spotter.session.session-started", version = 1)
public record SessionStarted(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID sessionId,
        UUID patientId,
        String startedBy) implements SessionEvent {

    public SessionStarted {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(sessionId, "sessionId");
        Require.present(patientId, "patientId");
        Require.present(startedBy, "startedBy");
    }
}
