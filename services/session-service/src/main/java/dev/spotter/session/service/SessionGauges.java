package dev.spotter.session.service;

import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many sessions are under way, and how many patients are inverted right now, across all clinics. One query every
 * 10 seconds fills both gauges; a scrape reads the last values and never touches the database.
 */
@ApplicationScoped
public class SessionGauges {

    private final AtomicLong active = new AtomicLong();
    private final AtomicLong inverted = new AtomicLong();

    @Inject
    public SessionGauges(MeterRegistry registry) {
        Gauge.builder("spotter.sessions.active", active, AtomicLong::get)
                .description("Sessions started and not yet stopped or completed (refreshed every 10 s)").register(registry);
        Gauge.builder("spotter.sessions.inverted", inverted, AtomicLong::get)
                .description("Patients inverted right now (refreshed every 10 s)").register(registry);
    }

    void schedule(@Observes StartupEvent event, Scheduler scheduler) {
        scheduler.newJob("session-gauges").setInterval("10s").setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> refresh()).schedule();
    }

    @Transactional
    void refresh() {
        Object[] counts = Session.getEntityManager().createQuery(
                "select count(s), count(s.invertedSince) from Session s where s.status = :active", Object[].class)
                .setParameter("active", SessionStatus.ACTIVE).getSingleResult();
        active.set((Long) counts[0]);
        inverted.set((Long) counts[1]);
    }
}
