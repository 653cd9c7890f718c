package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A clinician recorded a physician's clearance for some NEEDS_CLEARANCE reasons; the patient's resulting eligibility. */
@EventType(name = "dev.spotter.screening.clearance-recorded", version = 1)
public record ClearanceRecorded(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId,
        UUID clearanceId,
        String physicianId,
        List<String> scope,
        Integer bpCeilingSystolic,
        Integer bpCeilingDiastolic,
        LocalDate expiresOn,
        PatientEligibility eligibility) implements ScreeningEvent {

    public ClearanceRecorded {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
        Require.present(clearanceId, "clearanceId");
        Require.present(physicianId, "physicianId");
        scope = List.copyOf(Require.present(scope, "scope"));
        Require.present(expiresOn, "expiresOn");
        Require.present(eligibility, "eligibility");
    }
}
