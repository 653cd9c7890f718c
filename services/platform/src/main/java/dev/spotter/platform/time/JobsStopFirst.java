package dev.spotter.platform.time;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Pauses every scheduled job (escalation, watchdogs, expiry, gauges) as soon as the service is asked to stop, before the
 * database and the messaging it needs close: otherwise a job firing every second during a graceful stop fails each time
 * with the persistence unit already closed, and fills the log with errors that are not faults.
 */
@ApplicationScoped
public class JobsStopFirst {

    @Inject
    Scheduler scheduler;

    void pause(@Observes @Priority(1) ShutdownEvent event) {
        scheduler.pause();
    }
}
