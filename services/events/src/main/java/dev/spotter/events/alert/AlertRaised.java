package dev.spotter.events.alert;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** alert-service opened an alert for a session because of a reported stop-symptom. */
@EventType(name = "dev.spotter.alert.alert-raised", version = 1)
public record AlertRaised(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID alertId,
        UUID sessionId,
        UUID patientId,
        Priority priority,
        String symptomCode,
        UUID causeEventId) implements AlertEvent {

    public AlertRaised {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(alertId, "alertId");
        Require.present(sessionId, "sessionId");
        Require.present(patientId, "patientId");
        Require.present(priority, "priority");
        Require.present(symptomCode, "symptomCode");
        Require.present(causeEventId, "causeEventId");
    }
}
