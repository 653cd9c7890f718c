package dev.spotter.alert.listener;

import dev.spotter.alert.service.AlertService;
import dev.spotter.events.Topics;
import dev.spotter.events.screening.ClearanceExpired;
import dev.spotter.events.screening.ClearanceRecorded;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.screening.ProtocolPlanChanged;
import dev.spotter.events.screening.ScreeningCompleted;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.events.session.SessionStarted;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies what can raise an alert, once each: stop-symptoms and watchdogs of sessions, urgent findings of screenings. */
@ApplicationScoped
public class EventListeners {

    @Inject
    EventInbox inbox;

    @Inject
    AlertService alerts;

    @Incoming("session-events")
    @Blocking
    public void onSessionEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.SESSION_EVENTS, event -> {
            switch (event) {
                case SymptomReported symptom -> alerts.onSymptomReported(symptom);
                case SessionFlagged flagged -> alerts.onSessionFlagged(flagged);
                case SessionStarted ignored -> {
                    // nothing to alert on; the session's alert starts with its first stop-symptom
                }
            }
        });
    }

    @Incoming("screening-events")
    @Blocking
    public void onScreeningEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.SCREENING_EVENTS, event -> {
            switch (event) {
                case UrgentFindingReported finding -> alerts.onUrgentFinding(finding);
                case PatientRegistered ignored -> { }
                case ScreeningCompleted ignored -> { }
                case ClearanceRecorded ignored -> { }
                case ClearanceExpired ignored -> { }
                case ProtocolPlanChanged ignored -> { }
            }
        });
    }
}
