package dev.spotter.testing;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.Priority;
import dev.spotter.events.SpotterEvent;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.screening.ProtocolPlanChanged;
import dev.spotter.events.screening.ScreeningCompleted;
import dev.spotter.events.screening.ScreeningReason;
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
        return new AlertRaised(UUID.randomUUID(), clinicId, Instant.now(), UUID.randomUUID(), sessionId, null, patientId,
                Priority.HIGH, "chest-pain", UUID.randomUUID());
    }

    /** A CLEARED screening that keeps the patient eligible until {@code eligibleUntil}. */
    public static ScreeningCompleted clearedScreening(String clinicId, UUID patientId, Instant eligibleUntil) {
        return new ScreeningCompleted(UUID.randomUUID(), clinicId, Instant.now(), patientId, UUID.randomUUID(), 1, "CLEARED",
                List.of(), eligibleUntil, new PatientEligibility(true, "CLEARED", List.of(), eligibleUntil, null, null, null));
    }

    /** A CONTRAINDICATED screening: glaucoma. */
    public static ScreeningCompleted contraindicatedScreening(String clinicId, UUID patientId) {
        ScreeningReason glaucoma = new ScreeningReason("S2", "CONTRAINDICATED", List.of("23986001"),
                "Glaucoma or ocular hypertension: inversion raises eye pressure.");
        return new ScreeningCompleted(UUID.randomUUID(), clinicId, Instant.now(), patientId, UUID.randomUUID(), 1, "CONTRAINDICATED",
                List.of(glaucoma), Instant.now().plusSeconds(86_400L * 90),
                new PatientEligibility(false, "CONTRAINDICATED", List.of(glaucoma), null, null, null, null));
    }

    /** The default plan of the clinical rules: 20 deg for 60 s, 30 deg in the first two weeks, hard limits 60 deg, 3 min, 5 min, 4 a week. */
    public static ProtocolPlanChanged defaultPlan(String clinicId, UUID patientId) {
        return new ProtocolPlanChanged(UUID.randomUUID(), clinicId, Instant.now(), patientId,
                new ProtocolPlan(20, 60, 30, 60, 180, 300, 4), "test");
    }
}
