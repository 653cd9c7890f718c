package dev.spotter.events;

import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.session.SessionStarted;
import dev.spotter.events.session.SymptomReported;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One filled-in instance of every event record, for round-trip tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-03-29T01:30:00.123456Z");
    static final UUID SESSION = UUID.fromString("8d9f3c1e-0f65-4f1b-9a55-0d3e1a7b2c44");
    static final UUID PATIENT = UUID.fromString("2b4e6a8c-1d3f-4a5b-8c7d-9e0f1a2b3c4d");

    private SampleEvents() {
    }

    static List<SpotterEvent> all() {
        return List.of(
                new PatientRegistered(UUID.randomUUID(), "northside", AT, PATIENT),
                new SessionStarted(UUID.randomUUID(), "northside", AT, SESSION, PATIENT, "tablet-north-1"),
                new SymptomReported(UUID.randomUUID(), "northside", AT, SESSION, PATIENT, UUID.randomUUID(),
                        "chest-pain", List.of("29857009"), Priority.HIGH, true, "tablet-north-1"),
                new AlertRaised(UUID.randomUUID(), "northside", AT, UUID.randomUUID(), SESSION, PATIENT,
                        Priority.HIGH, "chest-pain", UUID.randomUUID()));
    }
}
