package dev.spotter.alert.service;

import dev.spotter.alert.model.Alert;
import dev.spotter.platform.metrics.OnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The alerts' own metrics, counted when their transaction commits. Only {@code spotter.alerts.raised} carries the clinic:
 * a counter of a few series per clinic; the timer's histogram buckets and the levels would multiply by every clinic.
 */
@ApplicationScoped
public class AlertMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    /**
     * A new alert was opened, for a session or for a screening, {@code since} the event that caused it happened (on the
     * tablet's server: the delay covers the outbox, the broker and this consumer, less any clock difference of the hosts).
     */
    void raised(Alert alert, Instant since) {
        String origin = alert.sessionId != null ? "session" : "screening";
        Duration delay = Duration.between(since, alert.raisedAt);
        onCommit.count(() -> {
            Counter.builder("spotter.alerts.raised")
                    .description("Alerts opened, by priority, what raised them (session or screening) and clinic")
                    .tags("priority", alert.priority.name(), "origin", origin, "clinic", alert.clinicId)
                    .register(registry).increment();
            Timer.builder("spotter.alerts.raise.delay")
                    .description("From the stop-symptom, flag or finding to its alert being opened, by priority")
                    .tag("priority", alert.priority.name())
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5)).maximumExpectedValue(Duration.ofMinutes(1))
                    .register(registry).record(delay.isNegative() ? Duration.ZERO : delay);
        });
    }

    /** Someone acknowledged: how long the chain they answered (raised or re-triggered) had been paging. */
    void acknowledged(Alert alert, Instant at) {
        Duration waited = Duration.between(alert.escalationStartedAt, at);
        onCommit.count(() -> Timer.builder("spotter.alerts.time.to.acknowledge")
                .description("From an alert's raise (or re-trigger) to its acknowledgement, by priority")
                .tag("priority", alert.priority.name())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry).record(waited));
    }

    /** A chain reached an escalation level for the first time (0 is the first page; a repeat of the last is not counted). */
    void levelReached(Alert alert, int level) {
        onCommit.count(() -> Counter.builder("spotter.alerts.escalation.level.reached")
                .description("Escalation chains that reached a level (0: the first page), by priority; at most 10 levels")
                .tags("priority", alert.priority.name(), "level", Integer.toString(level))
                .register(registry).increment());
    }
}
