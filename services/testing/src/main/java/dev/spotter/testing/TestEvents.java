package dev.spotter.testing;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.Priority;
import dev.spotter.events.SpotterEvent;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.session.SymptomReported;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as another service would publish them, for tests that feed a service's consumers. */
public final class TestEvents {

    private static final CloudEventCodec CODEC = new CloudEventCodec("/spotter/test");

    private TestEvents() {
    }

    public static EncodedEvent encode(SpotterEvent event) {
        return CODEC.encode(event);
    }

    public static SymptomReported symptom(String clinicId, UUID sessionId, String code, Priority priority) {
        return new SymptomReported(UUID.randomUUID(), clinicId, Instant.now(), sessionId, UUID.randomUUID(), UUID.randomUUID(),
                code, List.of(), priority, true, "tablet-test");
    }

    public static PatientRegistered patientRegistered(String clinicId, UUID patientId) {
        return new PatientRegistered(UUID.randomUUID(), clinicId, Instant.now(), patientId);
    }

    public static AlertRaised alertRaised(String clinicId, UUID sessionId, UUID patientId) {
        return new AlertRaised(UUID.randomUUID(), clinicId, Instant.now(), UUID.randomUUID(), sessionId, patientId,
                Priority.HIGH, "chest-pain", UUID.randomUUID());
    }
}
