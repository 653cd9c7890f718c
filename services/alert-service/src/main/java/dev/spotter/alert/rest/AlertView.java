package dev.spotter.alert.rest;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An alert as the clinician console and the API show it. */
public record AlertView(UUID id, String clinicId, UUID sessionId, UUID screeningId, UUID patientId, Priority priority,
                        String status, String cause, Instant raisedAt, Instant updatedAt, List<TimelineEntry> timeline) {

    /** One line of the alert's timeline. */
    public record TimelineEntry(String kind, Instant at, String cause, Priority priority) {

        static TimelineEntry of(AlertTimelineEntry entry) {
            return new TimelineEntry(entry.kind, entry.at, entry.cause, entry.priority);
        }
    }

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id, alert.clinicId, alert.sessionId, alert.screeningId, alert.patientId, alert.priority,
                alert.status.name(), alert.cause, alert.raisedAt, alert.updatedAt, alert.timeline.stream().map(TimelineEntry::of).toList());
    }
}
