package dev.spotter.alert.service;

import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.platform.inbox.RejectedEventException;
import dev.spotter.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Turns stop-symptoms into alerts, one per session, and answers the clinic's questions about them. */
@ApplicationScoped
public class AlertService {

    @Inject
    Outbox outbox;

    @Inject
    AlertStream stream;

    @Inject
    Clock clock;

    /** A stop-symptom raises the session's alert, or joins the timeline of the one already raised. */
    public void onSymptomReported(SymptomReported symptom) {
        if (!symptom.stopSymptom()) {
            return;
        }
        Optional<Alert> existing = Alert.find("sessionId", symptom.sessionId()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
        if (existing.isPresent()) {
            addToAlert(existing.get(), symptom);
        } else {
            raise(symptom);
        }
    }

    @Transactional
    public List<Alert> list(String clinicId) {
        return Alert.<Alert>find("clinicId = ?1 order by raisedAt desc", clinicId).page(0, 100).list();
    }

    @Transactional
    public Optional<Alert> find(String clinicId, UUID alertId) {
        return Alert.<Alert>find("id = ?1 and clinicId = ?2", alertId, clinicId).firstResultOptional();
    }

    private void raise(SymptomReported symptom) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.clinicId = symptom.clinicId();
        alert.sessionId = symptom.sessionId();
        alert.patientId = symptom.patientId();
        alert.priority = symptom.priority();
        alert.status = AlertStatus.RAISED;
        alert.symptomCode = symptom.code();
        alert.raisedAt = clock.instant();
        alert.record(AlertTimelineEntry.RAISED, alert.raisedAt, symptom.code(), symptom.priority(), symptom.eventId());
        alert.persist();
        outbox.publish(new AlertRaised(UUID.randomUUID(), alert.clinicId, alert.raisedAt, alert.id, alert.sessionId,
                alert.patientId, alert.priority, alert.symptomCode, symptom.eventId()));
        stream.announce(AlertStream.RAISED, alert.id);
    }

    private void addToAlert(Alert alert, SymptomReported symptom) {
        if (!alert.clinicId.equals(symptom.clinicId())) {
            throw new RejectedEventException("symptom " + symptom.eventId() + " of clinic " + symptom.clinicId()
                    + " names a session whose alert belongs to another clinic");
        }
        alert.record(AlertTimelineEntry.SYMPTOM_ADDED, clock.instant(), symptom.code(), symptom.priority(), symptom.eventId());
        if (symptom.priority().max(alert.priority) != alert.priority) {
            alert.priority = symptom.priority();
            alert.record(AlertTimelineEntry.PRIORITY_RAISED, clock.instant(), symptom.code(), symptom.priority(), symptom.eventId());
        }
        stream.announce(AlertStream.UPDATED, alert.id);
    }
}
