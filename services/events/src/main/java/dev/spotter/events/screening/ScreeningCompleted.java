package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Staff completed a screening questionnaire; its outcome with every reason, and the patient's resulting eligibility. */
@EventType(name = "dev.spotter.screening.screening-completed", version = 1)
public record ScreeningCompleted(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId,
        UUID screeningId,
        int questionnaireVersion,
        String outcome,
        List<ScreeningReason> reasons,
        Instant validUntil,
        PatientEligibility eligibility) implements ScreeningEvent {

    public ScreeningCompleted {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
        Require.present(screeningId, "screeningId");
        Require.present(outcome, "outcome");
        reasons = List.copyOf(Require.present(reasons, "reasons"));
        Require.present(validUntil, "validUntil");
        Require.present(eligibility, "eligibility");
    }
}
