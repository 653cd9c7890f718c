package dev.spotter.alert.service;

import dev.spotter.alert.delivery.DeliveryService;
import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.Priority;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What people do with an alert: acknowledge it (every pending page stops, for everyone), resolve it with an outcome,
 * or cancel it at source with a reason (everyone who was paged is told). Each is on the timeline with its actor.
 */
@ApplicationScoped
public class AlertActions {

    /** An acknowledged HIGH alert not resolved by then pages again from the first level. */
    public static final Duration RETRIGGER_AFTER = Duration.ofMinutes(10);

    @Inject
    Clock clock;

    @Inject
    AlertMetrics metrics;

    @Inject
    EscalationService escalation;

    @Inject
    AlertStream stream;

    @Inject
    DeliveryService delivery;

    @Transactional
    public Alert acknowledge(String clinicId, String user, UUID alertId) {
        Alert alert = lockedInClinic(clinicId, alertId);
        if (alert.status != AlertStatus.RAISED) {
            throw ProblemException.conflict("not-raised", "Nothing to acknowledge", alert.status == AlertStatus.ACKNOWLEDGED
                    ? "Acknowledged by " + alert.acknowledgedBy + " at " + alert.acknowledgedAt + "." : "The alert is " + alert.status + ".");
        }
        Instant now = clock.instant();
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = user;
        alert.nextEscalationAt = alert.priority == Priority.HIGH ? now.plus(RETRIGGER_AFTER) : null;
        alert.record(AlertTimelineEntry.ACKNOWLEDGED, now, user, "pages stopped");
        metrics.acknowledged(alert, now);
        delivery.stopPending(alert.id);
        return changed(alert, AlertStatusChanged.Change.ACKNOWLEDGED, List.of(), user, now);
    }

    @Transactional
    public Alert resolve(String clinicId, String user, UUID alertId, String outcome) {
        Alert alert = open(lockedInClinic(clinicId, alertId));
        Instant now = clock.instant();
        alert.status = AlertStatus.RESOLVED;
        alert.resolvedAt = now;
        alert.resolvedBy = user;
        alert.outcome = outcome.strip();
        alert.nextEscalationAt = null;
        alert.record(AlertTimelineEntry.RESOLVED, now, user, alert.outcome);
        delivery.stopPending(alert.id);
        return changed(alert, AlertStatusChanged.Change.RESOLVED, List.of(), user, now);
    }

    /** Entered in error: the alert stops, and everyone who was paged for it is told, by the channel that paged them. */
    @Transactional
    public Alert cancel(String clinicId, String user, UUID alertId, String reason) {
        Alert alert = open(lockedInClinic(clinicId, alertId));
        Instant now = clock.instant();
        alert.status = AlertStatus.CANCELLED;
        alert.cancelledAt = now;
        alert.cancelledBy = user;
        alert.cancelReason = reason.strip();
        alert.nextEscalationAt = null;
        List<AlertStatusChanged.Page> told = AlertPage.of(alert.id).stream().filter(page -> AlertPage.PAGE.equals(page.purpose)
                        && (AlertPage.CONSOLE.equals(page.channel) || page.attempts > 0))
                .map(page -> new AlertStatusChanged.Page(page.clinician, page.channel)).distinct().toList();
        delivery.tellCancelled(alert, now);
        alert.record(AlertTimelineEntry.CANCELLED, now, user, alert.cancelReason + (told.isEmpty() ? ""
                : "; told " + String.join(", ", told.stream().map(AlertStatusChanged.Page::clinician).distinct().toList())));
        return changed(alert, AlertStatusChanged.Change.CANCELLED, told, user, now);
    }

    private Alert changed(Alert alert, AlertStatusChanged.Change change, List<AlertStatusChanged.Page> pages, String user,
                          Instant now) {
        escalation.publish(alert, change, Math.max(0, alert.escalationLevel - 1), pages, user, now);
        stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
        return alert;
    }

    private static Alert open(Alert alert) {
        if (!alert.status.isOpen()) {
            throw ProblemException.conflict("alert-closed", "The alert is closed", "The alert is " + alert.status + ".");
        }
        return alert;
    }

    private static Alert lockedInClinic(String clinicId, UUID alertId) {
        return Alert.<Alert>find("id = ?1 and clinicId = ?2", alertId, clinicId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Alert", alertId));
    }
}
