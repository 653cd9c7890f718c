package dev.spotter.alert.rest;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert as the clinician console and the API show it: where it stands, how far it has escalated and when the next
 * level falls due, who acknowledged, resolved or cancelled it and why, and its timeline.
 */
public record AlertView(UUID id, String clinicId, UUID sessionId, UUID screeningId, UUID patientId, Priority priority,
                        String status, String cause, Instant raisedAt, Instant updatedAt, int escalationLevel,
                        Instant nextEscalationAt, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
                        Instant resolvedAt, String outcome, String cancelledBy, Instant cancelledAt, String cancelReason,
                        List<TimelineEntry> timeline) {

    /** One line of the alert's timeline: an event, a page, or a human action with its actor. */
    public record TimelineEntry(String kind, Instant at, String cause, Priority priority, String actor, String detail) {

        static TimelineEntry of(AlertTimelineEntry entry) {
            return new TimelineEntry(entry.kind, entry.at, entry.cause, entry.priority, entry.actor, entry.detail);
        }
    }

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.clinicId, alert.sessionId, alert.screeningId, alert.patientId, alert.priority,
                alert.status.name(), alert.cause, alert.raisedAt, alert.updatedAt, alert.escalationLevel, alert.nextEscalationAt,
                alert.acknowledgedBy, alert.acknowledgedAt, alert.resolvedBy, alert.resolvedAt, alert.outcome, alert.cancelledBy,
                alert.cancelledAt, alert.cancelReason, alert.timeline.stream().map(TimelineEntry::of).toList());
    }
}
