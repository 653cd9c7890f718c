package dev.spotter.events.alert;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/**
 * alert-service opened an alert: for a session (a stop-symptom; {@code sessionId} set) or for a
 * screening (an urgent finding; {@code screeningId} set). {@code cause} is the symptom code or rule id.
 */
@EventType(name = "dev.spotter.alert.alert-raised", version = 1)
public record AlertRaised(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID alertId,
        UUID sessionId,
        UUID screeningId,
        UUID patientId,
        Priority priority,
        String cause,
        UUID causeEventId) implements AlertEvent {

    public AlertRaised {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(alertId, "alertId");
        if (sessionId == null && screeningId == null) {
            throw new IllegalArgumentException("an alert is raised for a session or a screening");
        }
        Require.present(patientId, "patientId");
        Require.present(priority, "priority");
        Require.present(cause, "cause");
        Require.present(causeEventId, "causeEventId");
    }
}
