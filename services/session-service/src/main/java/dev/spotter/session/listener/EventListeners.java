package dev.spotter.session.listener;

import dev.spotter.events.Topics;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.events.screening.ClearanceExpired;
import dev.spotter.events.screening.ClearanceRecorded;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.screening.ProtocolPlanChanged;
import dev.spotter.events.screening.ScreeningCompleted;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.platform.inbox.EventInbox;
import dev.spotter.session.service.ScreeningViewService;
import dev.spotter.session.service.SessionService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies alert events to sessions and screening events to the patient view, once each, in order per key. */
@ApplicationScoped
public class EventListeners {

    @Inject
    EventInbox inbox;

    @Inject
    SessionService sessions;

    @Inject
    ScreeningViewService screeningView;

    @Incoming("alert-events")
    @Blocking
    public void onAlertEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.ALERT_EVENTS, event -> {
            switch (event) {
                case AlertRaised raised -> {
                    if (raised.sessionId() != null) {
                        sessions.onAlertRaised(raised);
                    }
                }
                case AlertStatusChanged changed -> {
                    if (changed.sessionId() != null) {
                        sessions.onAlertStatusChanged(changed);
                    }
                }
            }
        });
    }

    @Incoming("screening-events")
    @Blocking
    public void onScreeningEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.SCREENING_EVENTS, event -> {
            switch (event) {
                case PatientRegistered registered -> screeningView.onPatientRegistered(registered);
                case ScreeningCompleted completed -> screeningView.onEligibility(completed, completed.eligibility());
                case ClearanceRecorded recorded -> screeningView.onEligibility(recorded, recorded.eligibility());
                case ClearanceExpired expired -> screeningView.onEligibility(expired, expired.eligibility());
                case ProtocolPlanChanged changed -> screeningView.onPlan(changed, changed.plan());
                case UrgentFindingReported ignored -> {
                    // alert-service pages for it; sessions are already refused by the eligibility that came with the screening
                }
            }
        });
    }
}
