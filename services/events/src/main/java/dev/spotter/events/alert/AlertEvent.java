package dev.spotter.events.alert;

import dev.spotter.events.SpotterEvent;
import java.util.UUID;

/** Events on {@code spotter.alert-events}, keyed by session id so one session's alert history stays in order. Produced by alert-service. */
public sealed interface AlertEvent extends SpotterEvent permits AlertRaised {

    UUID alertId();

    UUID sessionId();

    @Override
    default String key() {
        return sessionId().toString();
    }
}
