package dev.spotter.events.alert;

import dev.spotter.events.SpotterEvent;
import java.util.UUID;

/**
 * Events on {@code spotter.alert-events}, keyed by session id (or patient id for a screening
 * alert), so one session's alert history stays in order. Produced by alert-service.
 */
public sealed interface AlertEvent extends SpotterEvent permits AlertRaised, AlertStatusChanged {

    UUID alertId();

    /** Null for an alert raised by a screening. */
    UUID sessionId();

    UUID patientId();

    @Override
    default String key() {
        return (sessionId() != null ? sessionId() : patientId()).toString();
    }
}
