package dev.spotter.alert.model;

import dev.spotter.events.Priority;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one alert of a session (raised by its first stop-symptom; later symptoms join its timeline)
 * or of a screening (raised by its first urgent finding).
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "session_id", unique = true)
    public UUID sessionId;

    @Column(name = "screening_id", unique = true)
    public UUID screeningId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    /** The symptom code or screening rule id that raised it. */
    @Column(nullable = false)
    public String cause;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The next escalation to page: 0 before the first page, counting repeats of the last level. */
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    /** When the next escalation falls due; null once nothing more will page (acknowledged, or a LOW alert). */
    @Column(name = "next_escalation_at")
    public Instant nextEscalationAt;

    /** When the current escalation chain began: the raise, or the last re-trigger. */
    @Column(name = "escalation_started_at", nullable = false)
    public Instant escalationStartedAt;

    /** The trace of the latest cause (W3C headers): the escalation steps that follow are spans of it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trace_context")
    public Map<String, String> traceContext;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** What the clinician found and did, in their words. */
    @Column
    public String outcome;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @OneToMany(mappedBy = "alert", cascade = CascadeType.PERSIST)
    @BatchSize(size = 50)
    @OrderBy("at, seq")
    public List<AlertTimelineEntry> timeline = new ArrayList<>();

    /** The symptom, flag or finding that came last: the raise's, or the latest that joined. */
    public String latestCause() {
        return timeline.reversed().stream().filter(entry -> AlertTimelineEntry.CAUSE_ADDED.equals(entry.kind))
                .map(entry -> entry.cause).findFirst().orElse(cause);
    }

    /** A resolved or cancelled alert opens again (a new episode of the same session); its timeline keeps the closing. */
    public void reopen() {
        status = AlertStatus.RAISED;
        resolvedAt = null;
        resolvedBy = null;
        outcome = null;
        cancelledAt = null;
        cancelledBy = null;
        cancelReason = null;
    }

    /** A human action or a page on the timeline: who did it, and what it was. */
    public AlertTimelineEntry record(String kind, Instant at, String actor, String detail) {
        AlertTimelineEntry entry = record(kind, at, cause, priority, null);
        entry.actor = actor;
        entry.detail = detail;
        return entry;
    }

    public AlertTimelineEntry record(String kind, Instant at, String cause, Priority priority, UUID eventId) {
        AlertTimelineEntry entry = new AlertTimelineEntry();
        entry.id = UUID.randomUUID();
        entry.clinicId = clinicId;
        entry.alert = this;
        entry.kind = kind;
        entry.at = at;
        entry.cause = cause;
        entry.priority = priority;
        entry.eventId = eventId;
        timeline.add(entry);
        updatedAt = at;
        return entry;
    }
}
