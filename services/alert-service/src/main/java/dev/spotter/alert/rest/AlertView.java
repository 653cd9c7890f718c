package dev.spotter.alert.rest;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.DeliveryAttempt;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An alert as the clinician console and the API show it: where it stands, how far it has escalated and when the next
 * level falls due, who acknowledged, resolved or cancelled it and why, its timeline, and every page with what became
 * of it.
 */
public record AlertView(UUID id, String clinicId, UUID sessionId, UUID screeningId, UUID patientId, Priority priority,
                        String status, String cause, Instant raisedAt, Instant updatedAt, int escalationLevel,
                        Instant nextEscalationAt, String acknowledgedBy, Instant acknowledgedAt, String resolvedBy,
                        Instant resolvedAt, String outcome, String cancelledBy, Instant cancelledAt, String cancelReason,
                        List<TimelineEntry> timeline, List<Delivery> deliveries) {

    /** One line of the alert's timeline: an event, a page, or a human action with its actor. */
    public record TimelineEntry(String kind, Instant at, String cause, Priority priority, String actor, String detail) {

        static TimelineEntry of(AlertTimelineEntry entry) {
            return new TimelineEntry(entry.kind, entry.at, entry.cause, entry.priority, entry.actor, entry.detail);
        }
    }

    /**
     * One page of one clinician by one channel (purpose PAGE, or CANCELLED for the notice of a cancellation): SHOWN on
     * the console, PENDING, DELIVERED, FAILED after its last attempt, or STOPPED by an acknowledgement; with its last
     * attempt's time and outcome.
     */
    public record Delivery(String clinician, String channel, String purpose, int level, int escalation, String status,
                           int attempts, Instant pagedAt, Instant deliveredAt, Instant lastAttemptAt, String lastOutcome) {

        static Delivery of(AlertPage page, DeliveryAttempt last) {
            return new Delivery(page.clinician, page.channel, page.purpose, page.level, page.escalation, page.status,
                    page.attempts, page.pagedAt, page.deliveredAt, last == null ? null : last.startedAt,
                    last == null || last.outcome == null ? null : last.outcome + ": " + last.detail);
        }
    }

    public static AlertView of(Alert alert) {
        return all(List.of(alert)).getFirst();
    }

    /** The views of many alerts, with their pages and attempts read in two queries for them all. */
    public static List<AlertView> all(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AlertPage>> pages = AlertPage.<AlertPage>list("alertId in ?1 order by pagedAt, clinician, channel",
                alerts.stream().map(alert -> alert.id).toList()).stream().collect(Collectors.groupingBy(page -> page.alertId));
        List<UUID> pageIds = pages.values().stream().flatMap(List::stream).map(page -> page.id).toList();
        Map<UUID, DeliveryAttempt> lastAttempts = pageIds.isEmpty() ? Map.of()
                : DeliveryAttempt.<DeliveryAttempt>list("pageId in ?1", pageIds).stream().collect(Collectors.toMap(
                        attempt -> attempt.pageId, attempt -> attempt,
                        (a, b) -> a.attempt > b.attempt ? a : b));
        return alerts.stream().map(alert -> of(alert, pages.getOrDefault(alert.id, List.of()).stream()
                .map(page -> Delivery.of(page, lastAttempts.get(page.id))).toList())).toList();
    }

    private static AlertView of(Alert alert, List<Delivery> deliveries) {
        return new AlertView(alert.id, alert.clinicId, alert.sessionId, alert.screeningId, alert.patientId, alert.priority,
                alert.status.name(), alert.cause, alert.raisedAt, alert.updatedAt, alert.escalationLevel, alert.nextEscalationAt,
                alert.acknowledgedBy, alert.acknowledgedAt, alert.resolvedBy, alert.resolvedAt, alert.outcome, alert.cancelledBy,
                alert.cancelledAt, alert.cancelReason, alert.timeline.stream().map(TimelineEntry::of).toList(), deliveries);
    }
}
