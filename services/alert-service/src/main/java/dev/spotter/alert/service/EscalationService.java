package dev.spotter.alert.service;

import dev.spotter.alert.config.EscalationConfig;
import dev.spotter.alert.delivery.DeliveryService;
import dev.spotter.alert.domain.EscalationPolicy;
import dev.spotter.alert.domain.Roster;
import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.model.Clinician;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.platform.tracing.TraceContext;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Pages along the clinic's roster until someone acknowledges. The next step and when it falls due are stored on the
 * alert, so after a crash or restart every overdue step fires on the first look, and each page is stored, so none is
 * sent twice; a replica waits for the one escalating an alert and then finds it no longer due. A level with nobody on call moves on at once.
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    private static final AttributeKey<Long> LEVEL = AttributeKey.longKey("spotter.escalation.next_level");
    private static final List<AlertStatus> OPEN = List.of(AlertStatus.RAISED, AlertStatus.ACKNOWLEDGED);

    @Inject
    Clock clock;

    @Inject
    AlertMetrics metrics;

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

    @Inject
    EscalationSettings settings;

    @Inject
    DeliveryService delivery;

    @Inject
    Spans spans;

    void schedule(@Observes StartupEvent event) {
        scheduler.newJob("alert-escalation").setInterval(config.interval().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> escalate()).schedule();
    }

    /** Starts the escalation of a newly raised alert: its first level falls due at once (the raise itself is announced). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Alert alert) {
        EscalationPolicy policy = policyOf(alert);
        alert.escalationLevel = 0;
        alert.nextEscalationAt = policy.dueAt(alert.escalationStartedAt, 0).orElse(null);
        if (alert.nextEscalationAt != null) {
            fire(alert, policy, clock.instant());
        }
    }

    /**
     * Fires every escalation step that has fallen due; returns how many alerts escalated. Each alert in a transaction of
     * its own: one alert that fails is logged and retried on the next run, never holding up the rest.
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

    /**
     * Escalates one alert if it is still due. The lock waits for whoever holds the alert (another replica escalating it,
     * a delivery result being recorded, an acknowledgement); PostgreSQL then checks the condition again on the row as
     * that transaction left it, so an alert another replica just escalated is not due any more and fires nothing. The
     * step is a span of the trace of the alert's latest cause, and so are the pages it makes.
     */
    private boolean escalate(UUID alertId, Instant now) {
        Alert alert = Alert.<Alert>find("id = ?1 and nextEscalationAt <= ?2 and status in ?3", alertId, now, OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (alert == null) {
            return false; // acknowledged, closed or escalated meanwhile
        }
        Span step = spans.start("alert escalate", SpanKind.INTERNAL, TraceContext.parent(alert.traceContext), alert.clinicId);
        try (Scope ignored = step.makeCurrent()) {
            if (alert.status == AlertStatus.ACKNOWLEDGED) {
                restartChain(alert, now, AlertTimelineEntry.RETRIGGERED, "acknowledged by " + alert.acknowledgedBy + " at "
                        + alert.acknowledgedAt + ", not resolved within " + AlertActions.RETRIGGER_AFTER.toMinutes() + " minutes");
            } else {
                fire(alert, policyOf(alert), now);
            }
            stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
            step.setAttribute(LEVEL, alert.escalationLevel);
            return true;
        } finally {
            step.end();
        }
    }

    /**
     * The chain starts again from its first level, now: an acknowledged HIGH alert still open 10 minutes later, or a
     * different stop-symptom in the same session. Whoever acknowledged must acknowledge again; pages of the old chain
     * still waiting stop, the new chain sends its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restartChain(Alert alert, Instant now, String kind, String why) {
        alert.status = AlertStatus.RAISED;
        alert.escalationLevel = 0;
        alert.escalationStartedAt = now;
        alert.record(kind, now, null, why);
        alert.acknowledgedAt = null;
        alert.acknowledgedBy = null;
        delivery.stopPending(alert.id);
        EscalationPolicy policy = policyOf(alert);
        alert.nextEscalationAt = policy.dueAt(now, 0).orElse(null);
        publishStep(alert, policy, AlertStatusChanged.Change.RETRIGGERED, 0, List.of(), now);
        if (policy.pages()) {
            fire(alert, policy, now);
        }
    }

    /** Whether a step is the alert's latest and a later, different level could still page sooner than planned. */
    public boolean isCurrentStep(Alert alert, Instant chainStartedAt, int escalation) {
        return alert.status == AlertStatus.RAISED && alert.escalationStartedAt.equals(chainStartedAt)
                && alert.escalationLevel == escalation + 1 && escalation < policyOf(alert).levels().size() - 1;
    }

    /** The current step reached nobody: the next level pages now rather than at its time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalateNow(Alert alert, Instant now) {
        fire(alert, policyOf(alert), now);
        stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
    }

    private EscalationPolicy policyOf(Alert alert) {
        return settings.policyFor(alert.clinicId, alert.priority);
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

    /**
     * Pages one step's people on the console and by each one's first channel (webhook, else e-mail; the next one
     * if that fails); false when its roles had nobody on call.
     */
    private boolean page(Alert alert, EscalationPolicy policy, Roster roster, Instant now) {
        int escalation = alert.escalationLevel;
        int level = Math.min(escalation, policy.levels().size() - 1);
        EscalationPolicy.Level step = policy.level(escalation);
        if (escalation == level) {
            metrics.levelReached(alert, level);
        }
        Set<String> people = roster.resolve(step.targets(), now);
        if (people.isEmpty()) {
            alert.record(AlertTimelineEntry.NOBODY_ON_CALL, now, null, "level " + level + ": nobody on call as " + step.targets());
            publishStep(alert, policy, AlertStatusChanged.Change.NOBODY_ON_CALL, level, List.of(), now);
            return false;
        }
        List<AlertStatusChanged.Page> paged = new ArrayList<>();
        for (String clinician : people) {
            AlertPage page = AlertPage.onConsole(alert, escalation, level, clinician, now);
            page.persist();
            paged.add(new AlertStatusChanged.Page(clinician, AlertPage.CONSOLE));
            Clinician contact = Clinician.findById(new Clinician.Key(alert.clinicId, clinician));
            if (contact != null) {
                delivery.firstPage(page, contact, now).ifPresent(sent -> paged.add(new AlertStatusChanged.Page(clinician, sent.channel)));
            }
        }
        alert.record(AlertTimelineEntry.PAGED, now, null, "level " + level + ": " + String.join(", ", people));
        publishStep(alert, policy, AlertStatusChanged.Change.PAGED, level, paged, now);
        return true;
    }

    /** Tells the alert's origin what a step did, while it fires: the next step is the one after it. */
    private void publishStep(Alert alert, EscalationPolicy policy, AlertStatusChanged.Change change, int level,
                             List<AlertStatusChanged.Page> paged, Instant now) {
        send(alert, change, level, paged, null, alert.status == AlertStatus.RAISED
                ? policy.dueAt(alert.escalationStartedAt, alert.escalationLevel + 1).orElse(null) : null, now);
    }

    /** Tells the alert's origin what changed, with when the next step falls due while the alert is raised. */
    public void publish(Alert alert, AlertStatusChanged.Change change, int level, List<AlertStatusChanged.Page> paged, String actor,
                        Instant now) {
        send(alert, change, level, paged, actor, alert.status == AlertStatus.RAISED ? alert.nextEscalationAt : null, now);
    }

    private void send(Alert alert, AlertStatusChanged.Change change, int level, List<AlertStatusChanged.Page> paged, String actor,
                      Instant nextEscalationAt, Instant now) {
        outbox.publish(new AlertStatusChanged(UUID.randomUUID(), alert.clinicId, now, alert.id, alert.sessionId,
                alert.screeningId, alert.patientId, change, alert.status.name(), alert.priority, level, paged, actor,
                nextEscalationAt));
    }
}
