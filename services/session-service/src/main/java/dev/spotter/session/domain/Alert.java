package dev.spotter.session.domain;

import dev.spotter.events.Priority;
import java.util.Objects;

/** An alert a rule wants raised: its priority, a stable cause slug (the alert's {@code cause}) and a reason in plain words for staff. */
public record Alert(Priority priority, String cause, String reason) {

    public Alert {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
    }
}
