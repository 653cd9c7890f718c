package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** A screening found something that needs a clinician today (S14 red flags, a BP of 180/120 or above): alert-service pages. */
@EventType(name = "dev.spotter.screening.urgent-finding-reported", version = 1)
public record UrgentFindingReported(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId,
        UUID screeningId,
        String ruleId,
        Priority priority,
        String text) implements ScreeningEvent {

    public UrgentFindingReported {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
        Require.present(screeningId, "screeningId");
        Require.present(ruleId, "ruleId");
        Require.present(priority, "priority");
        Require.present(text, "text");
    }
}
