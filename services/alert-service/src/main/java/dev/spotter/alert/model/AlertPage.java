package dev.spotter.alert.model;

import dev.spotter.platform.tracing.TraceContext;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of one clinician for one escalation step of an alert, by one channel; or, of purpose {@link #CANCELLED},
 * the notice that the alert was cancelled at source. The console's pages are shown at once; a webhook's or an
 * e-mail's wait as {@link #PENDING} for a sender, which records every attempt.
 */
@Entity
@Table(name = "alert_page")
public class AlertPage extends PanacheEntityBase {

    /** The clinician console: the live stream and the alert list every clinician of the clinic sees. */
    public static final String CONSOLE = "console";
    public static final String WEBHOOK = "webhook";
    public static final String EMAIL = "email";

    /** Purposes: a page asking for a response, or the notice that the alert paged for was cancelled. */
    public static final String PAGE = "PAGE";
    public static final String CANCELLED = "CANCELLED";

    /** Statuses: on the console; waiting for (another) attempt; arrived; every attempt failed; stopped by an acknowledgement or closing. */
    public static final String SHOWN = "SHOWN";
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String STOPPED = "STOPPED";

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    /** When the escalation chain began: the raise, or a re-trigger. */
    @Column(name = "chain_started_at", nullable = false)
    public Instant chainStartedAt;

    /** Which step of the chain: 0 for the first page, counting repeats. */
    @Column(nullable = false)
    public int escalation;

    /** Which level of the policy it paged. */
    @Column(nullable = false)
    public int level;

    @Column(nullable = false)
    public String clinician;

    @Column(nullable = false)
    public String channel;

    @Column(name = "paged_at", nullable = false)
    public Instant pagedAt;

    @Column(nullable = false)
    public String purpose = PAGE;

    @Column(nullable = false)
    public String status = SHOWN;

    /** Attempts started so far. */
    @Column(nullable = false)
    public int attempts;

    /** When a sender may next claim it: the next retry, or when a claimed attempt counts as lost (its sender died). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The trace of the work that made the page (W3C headers): its delivery, later, is a span of it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trace_context")
    public Map<String, String> traceContext;

    /** A page of a step of the alert's current chain on the console: shown as soon as it commits. */
    public static AlertPage onConsole(Alert alert, int escalation, int level, String clinician, Instant now) {
        AlertPage page = new AlertPage();
        page.id = UUID.randomUUID();
        page.clinicId = alert.clinicId;
        page.alertId = alert.id;
        page.chainStartedAt = alert.escalationStartedAt;
        page.escalation = escalation;
        page.level = level;
        page.clinician = clinician;
        page.channel = CONSOLE;
        page.pagedAt = now;
        page.traceContext = TraceContext.current();
        return page;
    }

    /** The same step and clinician by another channel, or for another purpose, waiting for a sender from now. */
    public AlertPage pendingBy(String otherChannel, String otherPurpose, Instant now) {
        AlertPage page = new AlertPage();
        page.id = UUID.randomUUID();
        page.clinicId = clinicId;
        page.alertId = alertId;
        page.chainStartedAt = chainStartedAt;
        page.escalation = escalation;
        page.level = level;
        page.clinician = clinician;
        page.channel = otherChannel;
        page.purpose = otherPurpose;
        page.pagedAt = now;
        page.status = PENDING;
        page.nextAttemptAt = now;
        page.traceContext = TraceContext.current();
        return page;
    }

    public static List<AlertPage> of(UUID alertId) {
        return list("alertId = ?1 order by pagedAt, clinician", alertId);
    }
}
