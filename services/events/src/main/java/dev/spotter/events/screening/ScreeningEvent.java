package dev.spotter.events.screening;

import dev.spotter.events.SpotterEvent;
import java.util.UUID;

/** Events on {@code spotter.screening-events}, keyed by patient id. Produced by screening-service. */
public sealed interface ScreeningEvent extends SpotterEvent permits PatientRegistered, ScreeningCompleted, ClearanceRecorded, ClearanceExpired,
        ProtocolPlanChanged, UrgentFindingReported {

    UUID patientId();

    @Override
    default String key() {
        return patientId().toString();
    }
}
