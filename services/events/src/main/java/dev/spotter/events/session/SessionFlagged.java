package dev.spotter.events.session;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.UUID;

/**
 * session-service found something about a session that needs a clinician, other than a symptom
 * staff logged: a watchdog tripped (still inverted past the planned hold, the tablet silent while a
 * patient is inverted). {@code flag} names what; {@code reason} says it in plain words.
 */
@EventType(name = "dev.spotter.session.session-flagged", version = 1)
public record SessionFlagged(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID sessionId,
        UUID patientId,
        String flag,
        Priority priority,
        String reason) implements SessionEvent {

    public SessionFlagged {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(sessionId, "sessionId");
        Require.present(patientId, "patientId");
        Require.present(flag, "flag");
        Require.present(priority, "priority");
        Require.present(reason, "reason");
    }
}
