package dev.spotter.events.session;

import dev.spotter.events.SpotterEvent;

/** Events on {@code spotter.session-events}, keyed by session id. Produced by session-service. */
public sealed interface SessionEvent extends SpotterEvent permits SessionStarted, SymptomReported, SessionFlagged {

    java.util.UUID sessionId();

    @Override
    default String key() {
        return sessionId().toString();
    }
}
