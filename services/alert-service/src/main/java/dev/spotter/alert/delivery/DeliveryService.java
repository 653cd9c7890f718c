package dev.spotter.alert.delivery;

import dev.spotter.alert.config.DeliveryConfig;
import dev.spotter.alert.model.Alert;
import dev.spotter.alert.model.AlertPage;
import dev.spotter.alert.model.AlertStatus;
import dev.spotter.alert.model.AlertTimelineEntry;
import dev.spotter.alert.model.ClinicRoster;
import dev.spotter.alert.model.Clinician;
import dev.spotter.alert.model.DeliveryAttempt;
import dev.spotter.alert.service.EscalationService;
import dev.spotter.alert.stream.AlertStream;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.platform.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends the pages that wait for a webhook or an e-mail, and records every attempt. A page is claimed in a transaction
 * of its own ({@code SKIP LOCKED}, so one replica sends it) with a lease: if its sender dies mid-attempt the page is
 * claimed again when the lease ends, under the same delivery id. A failed attempt is retried with back-off and, at
 * once, the clinician's next channel is tried; when nobody of a level could be reached by any channel, the next level
 * of the escalation pages at once instead of waiting out its delay. Woken by every commit that made a page; polls too.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);
    private static final int BATCH = 100;
    /** The order in which a clinician's channels are tried: the pager first, then e-mail. */
    private static final List<String> ORDER = List.of(AlertPage.WEBHOOK, AlertPage.EMAIL);
    private static final Object WAKE_KEY = DeliveryService.class;
    private static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("spotter.delivery.channel");
    private static final AttributeKey<String> PURPOSE = AttributeKey.stringKey("spotter.delivery.purpose");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("spotter.delivery.outcome");

    /** One claimed attempt: the alert and its page, what to send, where, and the key to sign it with. */
    record Claim(UUID alertId, UUID pageId, UUID attemptId, String channel, PageMessage message, String address, String secret,
                 String clinicId, String purpose, Map<String, String> trace) {
    }

    @Inject
    Clock clock;

    @Inject
    DeliveryConfig config;

    @Inject
    WebhookChannel webhook;

    @Inject
    SecretBox secrets;

    @Inject
    EmailChannel email;

    @Inject
    EscalationService escalation;

    @Inject
    AlertStream stream;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    @Inject
    Spans spans;

    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        // every series from the start, so "none delivered" reads as 0 rather than as no data
        for (String channel : List.of(AlertPage.WEBHOOK, AlertPage.EMAIL)) {
            attempts(channel, true);
            attempts(channel, false);
        }
        running = true;
        Thread.ofVirtual().name("page-delivery").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        senders.shutdownNow();
    }

    /** Wakes the sender once the current transaction commits (the pages it made are then visible to it). */
    public void wakeAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake.release();
                }
            }
        });
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(config.interval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (running) {
                    deliverDue();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("page delivery failed; the next run tries again", e);
            }
        }
    }

    /** Sends every page that is due, in parallel; returns how many attempts were made. */
    public int deliverDue() {
        int made = 0;
        List<Claim> claims;
        do {
            claims = QuarkusTransaction.requiringNew().call(() -> claim(clock.instant()));
            List<Future<?>> sent = new ArrayList<>();
            for (Claim claim : claims) {
                sent.add(senders.submit(() -> attempt(claim)));
            }
            for (Future<?> future : sent) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return made;
                } catch (ExecutionException e) {
                    LOG.error("recording a delivery attempt failed; its lease ends and it is tried again", e.getCause());
                }
            }
            made += claims.size();
        } while (claims.size() == BATCH);
        return made;
    }

    private List<Claim> claim(Instant now) {
        List<AlertPage> due = AlertPage.<AlertPage>find("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt",
                        AlertPage.PENDING, now).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2).page(0, BATCH).list();
        Duration lease = config.attemptTimeout().multipliedBy(2).plusSeconds(5);
        List<Claim> claims = new ArrayList<>();
        for (AlertPage page : due) {
            // an attempt still open here was claimed before and its lease ran out: its sender died mid-attempt
            DeliveryAttempt.update("finishedAt = ?1, outcome = ?2, detail = ?3 where pageId = ?4 and finishedAt is null",
                    now, DeliveryAttempt.FAILED, "lost: the sender stopped before the attempt ended", page.id);
            if (page.attempts >= config.maxAttempts()) {
                page.status = AlertPage.FAILED;
                page.nextAttemptAt = null;
                continue;
            }
            Alert alert = Alert.findById(page.alertId);
            Clinician clinician = Clinician.findById(new Clinician.Key(page.clinicId, page.clinician));
            page.attempts++;
            page.nextAttemptAt = now.plus(lease);
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.id = UUID.randomUUID();
            attempt.clinicId = page.clinicId;
            attempt.pageId = page.id;
            attempt.attempt = page.attempts;
            attempt.startedAt = now;
            attempt.persist();
            String secret = Optional.ofNullable(ClinicRoster.<ClinicRoster>findById(page.clinicId))
                    .map(roster -> secrets.open(page.clinicId, roster.webhookSecret)).orElse(null);
            claims.add(new Claim(page.alertId, page.id, attempt.id, page.channel,
                    PageMessage.of(page, alert, page.attempts, config.consoleUrl().orElse(null)),
                    clinician == null ? null : addressOf(clinician, page.channel), secret, page.clinicId, page.purpose,
                    page.traceContext));
        }
        return claims;
    }

    /** One attempt, a span of the trace that made the page; a page the failure makes for the next channel joins it too. */
    private void attempt(Claim claim) {
        Span span = spans.start("page " + claim.channel(), SpanKind.CLIENT, TraceContext.parent(claim.trace()), claim.clinicId());
        span.setAttribute(CHANNEL, claim.channel());
        span.setAttribute(PURPOSE, claim.purpose());
        try (Scope ignored = span.makeCurrent()) {
            Channel.Outcome outcome = claim.address() == null
                    ? Channel.Outcome.failedForGood("the clinician has no " + claim.channel() + " address any more")
                    : channel(claim.channel()).send(claim.message(), claim.address(), claim.secret());
            attempts(claim.channel(), outcome.delivered()).increment();
            span.setAttribute(OUTCOME, outcome.delivered() ? "delivered" : "failed");
            if (!outcome.delivered()) {
                span.setStatus(StatusCode.ERROR);
            }
            QuarkusTransaction.requiringNew().run(() -> record(claim, outcome, clock.instant()));
        } catch (RuntimeException e) {
            Spans.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }

    private Counter attempts(String channel, boolean delivered) {
        return Counter.builder("spotter.delivery.attempts").description("Delivery attempts of pages and notices, by channel and outcome")
                .tags("channel", channel, "outcome", delivered ? "delivered" : "failed").register(registry);
    }

    private void record(Claim claim, Channel.Outcome outcome, Instant now) {
        // the alert before its page, in the order every action on an alert takes them (an acknowledgement locks the alert,
        // then stops its pages): the other order deadlocked with a clinician acknowledging while an attempt was recorded
        Alert alert = Alert.findById(claim.alertId(), LockModeType.PESSIMISTIC_WRITE);
        AlertPage page = AlertPage.findById(claim.pageId(), LockModeType.PESSIMISTIC_WRITE);
        DeliveryAttempt attempt = DeliveryAttempt.findById(claim.attemptId());
        attempt.finishedAt = now;
        attempt.outcome = outcome.delivered() ? DeliveryAttempt.DELIVERED : DeliveryAttempt.FAILED;
        attempt.detail = outcome.detail();
        String what = describe(page) + ", attempt " + attempt.attempt + ": " + outcome.detail();
        boolean isPage = AlertPage.PAGE.equals(page.purpose);
        if (outcome.delivered()) {
            page.status = AlertPage.DELIVERED;
            page.deliveredAt = now;
            page.nextAttemptAt = null;
            alert.record(AlertTimelineEntry.DELIVERED, now, null, what);
            if (isPage) { // a cancellation notice's result stays on the timeline: the tablet follows the pages
                escalation.publish(alert, AlertStatusChanged.Change.DELIVERED, page.level,
                        List.of(new AlertStatusChanged.Page(page.clinician, page.channel)), null, now);
            }
        } else {
            boolean retry = AlertPage.PENDING.equals(page.status) && !outcome.isFinal() && attempt.attempt < config.maxAttempts();
            if (AlertPage.PENDING.equals(page.status)) {
                page.status = retry ? AlertPage.PENDING : AlertPage.FAILED;
                page.nextAttemptAt = retry ? now.plus(config.firstRetry().multipliedBy(1L << (attempt.attempt - 1))) : null;
            }
            alert.record(AlertTimelineEntry.DELIVERY_FAILED, now, null,
                    what + (retry ? "; retry at " + page.nextAttemptAt : "; no more attempts"));
            if (isPage) {
                escalation.publish(alert, AlertStatusChanged.Change.DELIVERY_FAILED, page.level,
                        List.of(new AlertStatusChanged.Page(page.clinician, page.channel)), null, now);
            }
            // only while the page still asks for a response: not once acknowledged, closed, or superseded by a new chain
            if (isPage && alert.status == AlertStatus.RAISED && alert.escalationStartedAt.equals(page.chainStartedAt)) {
                nextChannel(page, now);
                nextLevelIfNobodyReached(alert, page, now);
            }
        }
        stream.announce(AlertStream.UPDATED, alert.clinicId, alert.id);
    }

    /** The clinician's next channel, at once, for the same step (once: the unique key forbids a second). */
    private void nextChannel(AlertPage failedPage, Instant now) {
        Clinician clinician = Clinician.findById(new Clinician.Key(failedPage.clinicId, failedPage.clinician));
        if (clinician == null) {
            return;
        }
        List<String> tried = siblings(failedPage).stream().filter(p -> p.clinician.equals(failedPage.clinician))
                .map(p -> p.channel).toList();
        channelsOf(clinician).stream().filter(channel -> !tried.contains(channel)).findFirst()
                .ifPresent(channel -> pending(failedPage, channel, AlertPage.PAGE, now).persist());
    }

    /**
     * When every channel of everyone paged at this step has failed at least once and none delivered, the step has
     * reached nobody: the next level pages now. Only for a step that is still the alert's latest and is not already
     * the repeating last level, which keeps to its interval.
     */
    private void nextLevelIfNobodyReached(Alert alert, AlertPage failedPage, Instant now) {
        List<AlertPage> step = siblings(failedPage);
        boolean nobodyReached = step.stream().noneMatch(p -> AlertPage.DELIVERED.equals(p.status))
                && step.stream().allMatch(p -> p.attempts > 0 && !isUnderWay(p))
                && step.stream().map(p -> p.clinician).distinct()
                .allMatch(clinician -> channelsTried(step, clinician) >= channelCount(failedPage.clinicId, clinician));
        if (nobodyReached && escalation.isCurrentStep(alert, failedPage.chainStartedAt, failedPage.escalation)) {
            alert.record(AlertTimelineEntry.UNREACHED, now, null, "level " + failedPage.level
                    + ": nobody reached by webhook or e-mail; the next level pages now");
            escalation.escalateNow(alert, now);
        }
    }

    /** Pages of the same alert, chain and step by the channels that can fail. */
    private static List<AlertPage> siblings(AlertPage page) {
        return AlertPage.list("alertId = ?1 and chainStartedAt = ?2 and escalation = ?3 and purpose = ?4 and channel <> ?5",
                page.alertId, page.chainStartedAt, page.escalation, AlertPage.PAGE, AlertPage.CONSOLE);
    }

    /** Whether a page's latest attempt has yet to end (its sender is still at it). */
    private static boolean isUnderWay(AlertPage page) {
        return DeliveryAttempt.count("pageId = ?1 and finishedAt is null", page.id) > 0;
    }

    private static long channelsTried(List<AlertPage> step, String clinician) {
        return step.stream().filter(p -> p.clinician.equals(clinician)).count();
    }

    private static long channelCount(String clinicId, String username) {
        Clinician clinician = Clinician.findById(new Clinician.Key(clinicId, username));
        return clinician == null ? 0 : channelsOf(clinician).size();
    }

    /** The pages an escalation step sends beyond the console: the clinician's first channel now; others on failure. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AlertPage> firstPage(AlertPage consolePage, Clinician clinician, Instant now) {
        return channelsOf(clinician).stream().findFirst().map(channel -> {
            AlertPage page = pending(consolePage, channel, AlertPage.PAGE, now);
            page.persist();
            return page;
        });
    }

    /**
     * The alert was cancelled at source: everyone an external channel paged for it (or tried to) is told by that
     * channel. Pages still waiting stop.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellCancelled(Alert alert, Instant now) {
        stopPending(alert.id);
        Map<String, AlertPage> told = new LinkedHashMap<>();
        for (AlertPage page : AlertPage.of(alert.id)) {
            if (AlertPage.PAGE.equals(page.purpose) && !AlertPage.CONSOLE.equals(page.channel) && page.attempts > 0) {
                told.putIfAbsent(page.clinician + " " + page.channel, page);
            }
        }
        for (AlertPage page : told.values()) {
            AlertPage notice = pending(page, page.channel, AlertPage.CANCELLED, now);
            notice.chainStartedAt = alert.escalationStartedAt;
            notice.escalation = 0;
            notice.persist();
        }
    }

    /** Acknowledged, resolved or cancelled: no page still waiting is sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stopPending(UUID alertId) {
        AlertPage.update("status = ?1, nextAttemptAt = null where alertId = ?2 and status = ?3 and purpose = ?4",
                AlertPage.STOPPED, alertId, AlertPage.PENDING, AlertPage.PAGE);
    }

    /** A page for a sender, which is woken when the transaction that made it commits. */
    private AlertPage pending(AlertPage like, String channel, String purpose, Instant now) {
        wakeAfterCommit();
        return like.pendingBy(channel, purpose, now);
    }

    private static List<String> channelsOf(Clinician clinician) {
        return ORDER.stream().filter(channel -> addressOf(clinician, channel) != null).toList();
    }

    private static String addressOf(Clinician clinician, String channel) {
        return switch (channel) {
            case AlertPage.WEBHOOK -> clinician.webhookUrl;
            case AlertPage.EMAIL -> clinician.email;
            default -> null;
        };
    }

    private Channel channel(String name) {
        return AlertPage.WEBHOOK.equals(name) ? webhook : email;
    }

    private static String describe(AlertPage page) {
        return (AlertPage.CANCELLED.equals(page.purpose) ? "cancellation notice" : "page") + " by " + page.channel
                + " to " + page.clinician + " (level " + page.level + ")";
    }
}
