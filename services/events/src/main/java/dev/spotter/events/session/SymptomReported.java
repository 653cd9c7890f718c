package dev.spotter.events.session;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Staff logged a symptom during a session. {@code priority} is the one the clinical rules give for
 * this symptom in this session's context; a stop-symptom ended the inversion and needs an alert.
 */
@EventType(name = "dev.spotter.session.symptom-reported", version = 1)
public record SymptomReported(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID sessionId,
        UUID patientId,
        UUID symptomId,
        String code,
        List<String> snomedCodes,
        Priority priority,
        boolean stopSymptom,
        String reportedBy) implements SessionEvent {

    public SymptomReported {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(sessionId, "sessionId");
        Require.present(patientId, "patientId");
        Require.present(symptomId, "symptomId");
        Require.present(code, "code");
        snomedCodes = List.copyOf(Require.present(snomedCodes, "snomedCodes"));
        Require.present(priority, "priority");
        Require.present(reportedBy, "reportedBy");
    }
}
