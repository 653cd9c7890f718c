package dev.spotter.events.alert;

import dev.spotter.events.EventType;
import dev.spotter.events.Priority;
import dev.spotter.events.Require;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to an alert after it was raised, for whoever raised it (the tablet shows it, as the IHE ACM profile
 * reports each dissemination back to the originator): an escalation level paged (whom, by which channel), or nobody
 * on call for it; a page delivered or failed; an acknowledgement (by whom); a re-trigger; the resolution; a cancellation at source, with
 * {@code paged} naming everyone who had been paged and is told. {@code status} is the alert's status after the change,
 * {@code nextEscalationAt} when the next level falls due, null when nothing more will page.
 */
@EventType(name = "dev.spotter.alert.alert-status-changed", version = 1)
public record AlertStatusChanged(
        UUID eventId,
        String clinicId,
        Instant occurredAt,
        UUID alertId,
        UUID sessionId,
        UUID screeningId,
        UUID patientId,
        Change change,
        String status,
        Priority priority,
        int escalationLevel,
        List<Page> paged,
        String actor,
        Instant nextEscalationAt) implements AlertEvent {

    /**
     * The kind of change. {@code DELIVERED} and {@code DELIVERY_FAILED} report one attempt of a page by webhook or
     * e-mail ({@code paged} names whom and by which channel); {@code RETRIGGERED} starts the chain again from its first
     * level: an acknowledgement timed out, a new cause or a higher priority came, or a closed alert reopened.
     */
    public enum Change { PAGED, NOBODY_ON_CALL, DELIVERED, DELIVERY_FAILED, ACKNOWLEDGED, RETRIGGERED, RESOLVED, CANCELLED }

    /** One person paged, and how. */
    public record Page(String clinician, String channel) {

        public Page {
            Require.present(clinician, "clinician");
            Require.present(channel, "channel");
        }
    }

    public AlertStatusChanged {
        Require.present(eventId, "eventId");
        Require.clinic(clinicId);
        Require.present(occurredAt, "occurredAt");
        Require.present(alertId, "alertId");
        if (sessionId == null && screeningId == null) {
            throw new IllegalArgumentException("an alert belongs to a session or a screening");
        }
        Require.present(patientId, "patientId");
        Require.present(change, "change");
        Require.present(status, "status");
        Require.present(priority, "priority");
        paged = List.copyOf(Require.present(paged, "paged"));
        if (change == Change.ACKNOWLEDGED || change == Change.RESOLVED || change == Change.CANCELLED) {
            Require.present(actor, "actor");
        }
    }
}
