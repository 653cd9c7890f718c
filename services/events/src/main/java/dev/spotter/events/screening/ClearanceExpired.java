package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** A clearance reached its expiry day and no longer counts; the patient's resulting eligibility. */
@EventType(name = "dev.spotter.screening.clearance-expired", version = 1)
public record ClearanceExpired(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId,
        UUID clearanceId,
        PatientEligibility eligibility) implements ScreeningEvent {

    public ClearanceExpired {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
        Require.present(clearanceId, "clearanceId");
        Require.present(eligibility, "eligibility");
    }
}
