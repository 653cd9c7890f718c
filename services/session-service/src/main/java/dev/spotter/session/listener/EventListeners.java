package dev.spotter.session.listener;

import dev.spotter.events.Topics;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.platform.inbox.EventInbox;
import dev.spotter.session.service.SessionService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies alert and screening events to sessions, once each, in order per key. */
@ApplicationScoped
public class EventListeners {

    @Inject
    EventInbox inbox;

    @Inject
    SessionService sessions;

    @Incoming("alert-events")
    @Blocking
    public void onAlertEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.ALERT_EVENTS, event -> {
            switch (event) {
                case AlertRaised raised -> sessions.onAlertRaised(raised);
            }
        });
    }

    @Incoming("screening-events")
    @Blocking
    public void onScreeningEvent(ConsumerRecord<String, byte[]> record) {
        inbox.consume(record, Topics.SCREENING_EVENTS, event -> {
            switch (event) {
                case PatientRegistered registered -> sessions.onPatientRegistered(registered);
            }
        });
    }
}
