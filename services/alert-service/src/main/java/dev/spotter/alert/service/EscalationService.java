package dev.spotter.alert.service;

import dev.spotter.alert.config.EscalationConfig;
import dev.spotter.alert.domain.EscalationPolicy;
import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.jboss.logging.Logger;

/**
 * Pages along the clinic's roster until someone acknowledges. The next step and when it falls due are stored on the
 * alert, so after a crash or restart every overdue step fires on the first look, and each page is stored, so none is
 * sent twice; replicas skip the alerts another one is escalating. A level with nobody on call moves on at once.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    private static final List<AlertStatus> OPEN = List.of(AlertStatus.RAISED, AlertStatus.ACKNOWLEDGED);

    @Inject
    Clock clock;

    @Inject
    RosterService rosters;

    @Inject
    Outbox outbox;

    @Inject
    AlertStream stream;

    @Inject
    Scheduler scheduler;

    @Inject
    EscalationConfig config;

    void schedule(@Observes StartupEvent event) {
        scheduler.newJob("alert-escalation").setInterval(config.interval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> escalate()).schedule();
    }

    /** Starts the escalation of a newly raised alert: its first level falls due at once (the raise itself is announced). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Alert alert) {
        EscalationPolicy policy = EscalationPolicy.defaultFor(alert.priority);
        alert.escalationLevel = 0;
        alert.nextEscalationAt = policy.dueAt(alert.escalationStartedAt, 0).orElse(null);
        if (alert.nextEscalationAt != null) {
            fire(alert, policy, clock.instant());
        }
    }

    /**
     * Fires every escalation step that has fallen due; returns how many alerts escalated. Each alert in a transaction of
     * its own, locked or skipped: one alert that fails is logged and retried on the next run, never holding up the rest.
     */
    public int escalate() {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>find(
                "nextEscalationAt <= ?1 and status in ?2 order by nextEscalationAt", now, OPEN).page(0, 500).stream()
                .map(alert -> alert.id).toList());
        int escalated = 0;
        for (UUID id : due) {
            try {
                escalated += QuarkusTransaction.requiringNew().call(() -> escalate(id, now)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.errorf(e, "escalating alert %s failed; the next run tries it again", id);
            }
        }
        return escalated;
    }

    private boolean escalate(UUID alertId, Instant now) {
        Alert alert = Alert.<Alert>find("id = ?1 and nextEscalationAt <= ?2 and status in ?3", alertId, now, OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).firstResult();
        if (alert == null) {
            return false; // another replica has it, or it was acknowledged meanwhile
        }
        if (alert.status == AlertStatus.ACKNOWLEDGED) {
            retrigger(alert, now);
        }
        fire(alert, EscalationPolicy.defaultFor(alert.priority), now);
        stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
        return true;
    }

    /** An acknowledged HIGH alert still open 10 minutes later: the chain starts again from its first level, now. */
    private void retrigger(Alert alert, Instant now) {
        alert.status = AlertStatus.RAISED;
        alert.escalationLevel = 0;
        alert.escalationStartedAt = now;
        alert.record(AlertTimelineEntry.RETRIGGERED, now, null, "acknowledged by " + alert.acknowledgedBy + " at "
                + alert.acknowledgedAt + ", not resolved within " + AlertActions.RETRIGGER_AFTER.toMinutes() + " minutes");
        alert.acknowledgedAt = null;
        alert.acknowledgedBy = null;
        publish(alert, AlertStatusChanged.Change.RETRIGGERED, 0, List.of(), null, now);
    }

    /**
     * Pages the due level, then every later level that is also overdue (after a restart) or whose predecessor found
     * nobody on call; repeats of the last level fire once however many were missed, then follow their interval.
     */
    private void fire(Alert alert, EscalationPolicy policy, Instant now) {
        Roster roster = rosters.roster(alert.clinicId, now, now);
        int last = policy.levels().size() - 1;
        boolean pagedSomeone;
        do {
            pagedSomeone = page(alert, policy, roster, now);
            alert.escalationLevel++;
        } while (alert.escalationLevel <= last
                && (!pagedSomeone || !policy.dueAt(alert.escalationStartedAt, alert.escalationLevel).orElseThrow().isAfter(now)));
        Instant next = policy.dueAt(alert.escalationStartedAt, alert.escalationLevel).orElseThrow();
        alert.nextEscalationAt = next.isAfter(now) ? next : now.plus(policy.repeatEvery());
    }

    /** Pages one step's people on the console; false when its roles had nobody on call. */
    private boolean page(Alert alert, EscalationPolicy policy, Roster roster, Instant now) {
        int escalation = alert.escalationLevel;
        int level = Math.min(escalation, policy.levels().size() - 1);
        EscalationPolicy.Level step = policy.level(escalation);
        Set<String> people = roster.resolve(step.targets(), now);
        if (people.isEmpty()) {
            alert.record(AlertTimelineEntry.NOBODY_ON_CALL, now, null, "level " + level + ": nobody on call as " + step.targets());
            publish(alert, AlertStatusChanged.Change.NOBODY_ON_CALL, level, List.of(), null, now);
            return false;
        }
        for (String clinician : people) {
            AlertPage page = new AlertPage();
            page.id = UUID.randomUUID();
            page.clinicId = alert.clinicId;
            page.alertId = alert.id;
            page.chainStartedAt = alert.escalationStartedAt;
            page.escalation = escalation;
            page.level = level;
            page.clinician = clinician;
            page.channel = AlertPage.CONSOLE;
            page.pagedAt = now;
            page.persist();
        }
        alert.record(AlertTimelineEntry.PAGED, now, null, "level " + level + ": " + String.join(", ", people));
        publish(alert, AlertStatusChanged.Change.PAGED, level,
                people.stream().map(p -> new AlertStatusChanged.Page(p, AlertPage.CONSOLE)).toList(), null, now);
        return true;
    }

    /** Tells the alert's origin what changed; the next step is the one after the current, when it is known. */
    void publish(Alert alert, AlertStatusChanged.Change change, int level, List<AlertStatusChanged.Page> paged, String actor,
                 Instant now) {
        outbox.publish(new AlertStatusChanged(UUID.randomUUID(), alert.clinicId, now, alert.id, alert.sessionId,
                alert.screeningId, alert.patientId, change, alert.status.name(), alert.priority, level, paged, actor,
                alert.status == AlertStatus.RAISED ? EscalationPolicy.defaultFor(alert.priority)
                        .dueAt(alert.escalationStartedAt, alert.escalationLevel + 1).orElse(null) : null));
    }
}
