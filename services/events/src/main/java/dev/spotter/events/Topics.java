package dev.spotter.events;

import dev.spotter.events.alert.AlertEvent;
import dev.spotter.events.screening.ScreeningEvent;
import dev.spotter.events.session.SessionEvent;
import java.util.List;

/** Every topic Spotter uses. Producers: screening-service, session-service, alert-service respectively. */
public final class Topics {

    public static final Topic<ScreeningEvent> SCREENING_EVENTS = new Topic<>("spotter.screening-events", ScreeningEvent.class);
    public static final Topic<SessionEvent> SESSION_EVENTS = new Topic<>("spotter.session-events", SessionEvent.class);
    public static final Topic<AlertEvent> ALERT_EVENTS = new Topic<>("spotter.alert-events", AlertEvent.class);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return List.of(SCREENING_EVENTS, SESSION_EVENTS, ALERT_EVENTS);
    }

    /** The topic an event belongs on. */
    public static Topic<?> of(SpotterEvent event) {
        return all().stream().filter(t -> t.eventType().isInstance(event)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass() + " belongs to no topic"));
    }

    public static Topic<?> byName(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
