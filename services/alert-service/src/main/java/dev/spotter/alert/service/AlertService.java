package dev.spotter.alert.service;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.Priority;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.platform.inbox.RejectedEventException;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.tracing.TraceContext;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Turns stop-symptoms, tripped watchdogs and urgent screening findings into alerts, one per session or screening. */
@ApplicationScoped
public class AlertService {

    /** What raised an alert: the event's ids and what it says. */
    private record Cause(String clinicId, UUID sessionId, UUID screeningId, UUID patientId, String code, Priority priority, UUID eventId,
                         Instant occurredAt) {
    }

    @Inject
    Outbox outbox;

    @Inject
    AlertStream stream;

    @Inject
    Clock clock;

    @Inject
    AlertMetrics metrics;

    @Inject
    EscalationService escalation;

    /** A stop-symptom raises the session's alert, or joins the timeline of the one already raised. */
    public void onSymptomReported(SymptomReported symptom) {
        if (symptom.stopSymptom()) {
            apply(new Cause(symptom.clinicId(), symptom.sessionId(), null, symptom.patientId(), symptom.code(),
                    symptom.priority(), symptom.eventId(), symptom.occurredAt()), Alert.find("sessionId", symptom.sessionId()));
        }
    }

    /** A tripped watchdog raises the session's alert, or joins (and may raise the priority of) the one already raised. */
    public void onSessionFlagged(SessionFlagged flagged) {
        apply(new Cause(flagged.clinicId(), flagged.sessionId(), null, flagged.patientId(), flagged.flag(),
                flagged.priority(), flagged.eventId(), flagged.occurredAt()), Alert.find("sessionId", flagged.sessionId()));
    }

    /** An urgent screening finding raises the screening's alert, or joins the one already raised. */
    public void onUrgentFinding(UrgentFindingReported finding) {
        apply(new Cause(finding.clinicId(), null, finding.screeningId(), finding.patientId(), finding.ruleId(),
                finding.priority(), finding.eventId(), finding.occurredAt()), Alert.find("screeningId", finding.screeningId()));
    }

    @Transactional
    public List<Alert> list(String clinicId) {
        return Alert.<Alert>find("clinicId = ?1 order by raisedAt desc", clinicId).page(0, 100).list();
    }

    @Transactional
    public Optional<Alert> find(String clinicId, UUID alertId) {
        return Alert.<Alert>find("id = ?1 and clinicId = ?2", alertId, clinicId).firstResultOptional();
    }

    private void apply(Cause cause, PanacheQuery<Alert> existing) {
        Optional<Alert> alert = existing.withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (alert.isPresent()) {
            addTo(alert.get(), cause);
        } else {
            raise(cause);
        }
    }

    private void raise(Cause cause) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.clinicId = cause.clinicId();
        alert.sessionId = cause.sessionId();
        alert.screeningId = cause.screeningId();
        alert.patientId = cause.patientId();
        alert.priority = cause.priority();
        alert.status = AlertStatus.RAISED;
        alert.cause = cause.code();
        alert.raisedAt = clock.instant();
        alert.escalationStartedAt = alert.raisedAt;
        alert.traceContext = TraceContext.current();
        alert.record(AlertTimelineEntry.RAISED, alert.raisedAt, cause.code(), cause.priority(), cause.eventId());
        alert.persist();
        outbox.publish(new AlertRaised(UUID.randomUUID(), alert.clinicId, alert.raisedAt, alert.id, alert.sessionId,
                alert.screeningId, alert.patientId, alert.priority, alert.cause, cause.eventId()));
        // after AlertRaised, so whoever raised it hears of the alert before its first page
        escalation.start(alert);
        metrics.raised(alert, cause.occurredAt());
        stream.announce(AlertStream.RAISED, alert.clinicId, alert.id);
    }

    /**
     * A further cause joins the alert's timeline. A repeat of one already there pages nobody; a different one, or one
     * that raises the priority, pages again from the first level (whoever acknowledged must acknowledge again); any
     * cause after the alert was resolved or cancelled reopens it, since it is a new episode for the same session.
     */
    private void addTo(Alert alert, Cause cause) {
        if (!alert.clinicId.equals(cause.clinicId())) {
            throw new RejectedEventException("event " + cause.eventId() + " of clinic " + cause.clinicId()
                    + " names a session or screening whose alert belongs to another clinic");
        }
        Instant now = clock.instant();
        alert.traceContext = TraceContext.current();
        boolean different = alert.timeline.stream().noneMatch(entry -> cause.code().equals(entry.cause));
        alert.record(AlertTimelineEntry.CAUSE_ADDED, now, cause.code(), cause.priority(), cause.eventId());
        boolean higher = cause.priority().max(alert.priority) != alert.priority;
        if (higher) {
            alert.priority = cause.priority();
            alert.record(AlertTimelineEntry.PRIORITY_RAISED, now, cause.code(), cause.priority(), cause.eventId());
        }
        if (!alert.status.isOpen()) {
            String was = alert.status.name().toLowerCase();
            alert.reopen();
            escalation.restartChain(alert, now, AlertTimelineEntry.REPAGED, cause.code() + " after the alert was " + was
                    + ": reopened, paging again from the first level");
        } else if (different || higher) {
            escalation.restartChain(alert, now, AlertTimelineEntry.REPAGED, cause.code() + (higher
                    ? " raised the priority to " + alert.priority : " is new on this alert") + ": paging again from the first level");
        }
        stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
    }
}
