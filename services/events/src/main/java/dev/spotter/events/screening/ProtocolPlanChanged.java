package dev.spotter.events.screening;

import dev.spotter.events.EventType;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/** A patient's protocol plan was set or changed. */
@EventType(name = "dev.spotter.screening.protocol-plan-changed", version = 1)
public record ProtocolPlanChanged(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID patientId,
        ProtocolPlan plan,
        String changedBy) implements ScreeningEvent {

    public ProtocolPlanChanged {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(patientId, "patientId");
        Require.present(plan, "plan");
        Require.present(changedBy, "changedBy");
    }
}
