package dev.spotter.alert.listener;

import dev.spotter.alert.service.AlertService;
import dev.spotter.events.Topics;
import dev.spotter.events.session.SessionStarted;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.platform.inbox.EventInbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies session events: each stop-symptom raises or updates its session's alert, once. */
@ApplicationScoped
public class SessionEventsListener {

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
                case SessionStarted ignored -> {
                    // nothing to alert on; the session's alert starts with its first stop-symptom
                }
            }
        });
    }
}
