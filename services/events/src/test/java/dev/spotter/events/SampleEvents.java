package dev.spotter.events;

import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.events.screening.ClearanceExpired;
import dev.spotter.events.screening.ClearanceRecorded;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.screening.ProtocolPlanChanged;
import dev.spotter.events.screening.ScreeningCompleted;
import dev.spotter.events.screening.ScreeningReason;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.events.session.SessionStarted;
import dev.spotter.events.session.SymptomReported;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One filled-in instance of every event record, for round-trip tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-03-29T01:30:00.123456Z");
    static final UUID SESSION = UUID.fromString("8d9f3c1e-0f65-4f1b-9a55-0d3e1a7b2c44");
    static final UUID PATIENT = UUID.fromString("2b4e6a8c-1d3f-4a5b-8c7d-9e0f1a2b3c4d");

    static final UUID SCREENING = UUID.fromString("5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f");
    static final ScreeningReason HYPERTENSION = new ScreeningReason("S6", "NEEDS_CLEARANCE", List.of("38341003"),
            "Diagnosed hypertension or blood-pressure medicine: needs a physician's clearance.");
    static final PatientEligibility NOT_ELIGIBLE = new PatientEligibility(false, "NEEDS_CLEARANCE", List.of(HYPERTENSION), null, null, null, null);
    static final PatientEligibility ELIGIBLE = new PatientEligibility(true, "CLEARED", List.of(), AT.plusSeconds(86400), 150, 95, null);

    private SampleEvents() {
    }

    static List<SpotterEvent> all() {
        return List.of(
                new PatientRegistered(UUID.randomUUID(), "northside", AT, PATIENT),
                new SessionStarted(UUID.randomUUID(), "northside", AT, SESSION, PATIENT, "tablet-north-1"),
                new SymptomReported(UUID.randomUUID(), "northside", AT, SESSION, PATIENT, UUID.randomUUID(),
                        "chest-pain", List.of("29857009"), Priority.HIGH, true, "tablet-north-1"),
                new SessionFlagged(UUID.randomUUID(), "northside", AT, SESSION, PATIENT, "HOLD_OVERDUE", Priority.MEDIUM,
                        "Still inverted 60 s past the planned hold."),
                new AlertRaised(UUID.randomUUID(), "northside", AT, UUID.randomUUID(), SESSION, null, PATIENT,
                        Priority.HIGH, "chest-pain", UUID.randomUUID()),
                new AlertStatusChanged(UUID.randomUUID(), "northside", AT, UUID.randomUUID(), SESSION, null, PATIENT,
                        AlertStatusChanged.Change.PAGED, "RAISED", Priority.HIGH, 1,
                        List.of(new AlertStatusChanged.Page("dr.north", "console")), null, AT.plusSeconds(60)),
                new ScreeningCompleted(UUID.randomUUID(), "northside", AT, PATIENT, SCREENING, 1, "NEEDS_CLEARANCE",
                        List.of(HYPERTENSION), AT.plusSeconds(90 * 86400L), NOT_ELIGIBLE),
                new ClearanceRecorded(UUID.randomUUID(), "northside", AT, PATIENT, UUID.randomUUID(), "GMC-1234567",
                        List.of("S6", "S7"), 150, 95, LocalDate.parse("2026-09-25"), ELIGIBLE),
                new ClearanceExpired(UUID.randomUUID(), "northside", AT, PATIENT, UUID.randomUUID(), NOT_ELIGIBLE),
                new ProtocolPlanChanged(UUID.randomUUID(), "northside", AT, PATIENT,
                        new ProtocolPlan(20, 60, 30, 60, 180, 300, 4), "dr.north"),
                new UrgentFindingReported(UUID.randomUUID(), "northside", AT, PATIENT, SCREENING, "S14", Priority.HIGH,
                        "New bladder or bowel problem, or worsening leg weakness or numbness: same-day referral."));
    }
}
