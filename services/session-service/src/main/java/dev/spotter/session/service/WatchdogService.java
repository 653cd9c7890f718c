package dev.spotter.session.service;

import dev.spotter.events.session.SessionFlagged;
import dev.spotter.platform.metrics.OnCommit;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.session.config.WatchdogConfig;
import dev.spotter.session.domain.Watchdog;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.WatchdogAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Watches every inverted patient: a session's next deadline is stored with it, so after a crash or
 * restart every overdue one is handled on the first look, and the raised alerts are stored too, so
 * none is raised twice. Replicas skip the sessions another one is handling.
 */
@ApplicationScoped
public class WatchdogService {

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    Scheduler scheduler;

    @Inject
    WatchdogConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    OnCommit onCommit;

    void schedule(@Observes StartupEvent event) {
        for (Watchdog.Kind kind : Watchdog.Kind.values()) {
            firings(kind); // every kind from the start, so a rate reads 0 rather than no data
        }
        scheduler.newJob("session-watchdog").setInterval(config.interval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> check()).schedule();
    }

    /** Raises every watchdog alert that has fallen due; returns how many. */
    @Transactional
    public int check() {
        Instant now = clock.instant();
        List<Session> due = Session.<Session>find("watchdogDueAt <= ?1 order by watchdogDueAt", now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).page(0, 100).list();
        int raised = 0;
        for (Session session : due) {
            raised += raiseDue(session, now);
            session.watchdogDueAt = Watchdog.nextDeadline(InversionService.holdOf(session), now).orElse(null);
        }
        return raised;
    }

    private Counter firings(Watchdog.Kind kind) {
        return Counter.builder("spotter.watchdog.firings").description("Watchdog alerts raised, by kind (a patient left inverted, a tablet silent)")
                .tag("kind", kind.name()).register(registry);
    }

    private int raiseDue(Session session, Instant now) {
        Set<Watchdog.Key> already = WatchdogAlert.<WatchdogAlert>list("id.sessionId", session.id).stream()
                .map(a -> new Watchdog.Key(Watchdog.Kind.valueOf(a.id.kind()), a.id.dueAt())).collect(Collectors.toSet());
        List<Watchdog.Due> toRaise = Watchdog.toRaise(InversionService.holdOf(session), now, already);
        for (Watchdog.Due due : toRaise) {
            WatchdogAlert alert = new WatchdogAlert();
            alert.id = new WatchdogAlert.Id(session.id, due.kind().name(), due.dueAt());
            alert.clinicId = session.clinicId;
            alert.raisedAt = now;
            alert.persist();
            outbox.publish(new SessionFlagged(UUID.randomUUID(), session.clinicId, now, session.id, session.patientId,
                    due.kind().name(), due.alert().priority(), due.alert().reason()));
            onCommit.count(() -> firings(due.kind()).increment());
        }
        return toRaise.size();
    }
}
