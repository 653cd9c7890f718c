package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** A clinic registered a patient. Carries the pseudonymous id only: names stay in screening-service. */
@EventType(name = "dev.spotter.screening.patient-registered", version = 1)
public record PatientRegistered(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId) implements ScreeningEvent {

    public PatientRegistered {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
    }
}
