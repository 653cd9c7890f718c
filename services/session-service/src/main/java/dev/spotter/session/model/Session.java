package dev.spotter.session.model;

import dev.spotter.events.Priority;
import dev.spotter.platform.problem.ProblemException;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One inversion session of one patient, with the symptoms logged in it and the status of its alert. */
@Entity
@Table(name = "therapy_session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "angle_degrees")
    public Integer angleDegrees;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column
    public String spotter;

    @Column(name = "bp_before_systolic")
    public Integer bpBeforeSystolic;

    @Column(name = "bp_before_diastolic")
    public Integer bpBeforeDiastolic;

    @Column(name = "heart_rate_before")
    public Integer heartRateBefore;

    @Column(name = "pain_before")
    public Integer painBefore;

    /** The angle now, while inverted. */
    @Column(name = "current_angle_degrees")
    public Integer currentAngleDegrees;

    /** When the hold in progress began; null while the patient is upright. */
    @Column(name = "inverted_since")
    public Instant invertedSince;

    /** When the last hold ended; null before the first. */
    @Column(name = "last_upright_at")
    public Instant lastUprightAt;

    /** Time inverted in the holds already ended. */
    @Column(name = "inverted_seconds_before", nullable = false)
    public int invertedSecondsBefore;

    @Column(name = "last_heartbeat_at")
    public Instant lastHeartbeatAt;

    /** When the watchdog must next look at this session; null when nothing can become due. */
    @Column(name = "watchdog_due_at")
    public Instant watchdogDueAt;

    @Column(name = "bp_after_systolic")
    public Integer bpAfterSystolic;

    @Column(name = "bp_after_diastolic")
    public Integer bpAfterDiastolic;

    @Column(name = "heart_rate_after")
    public Integer heartRateAfter;

    @Column(name = "pain_after")
    public Integer painAfter;

    @Column(name = "spotter_sign_off")
    public String spotterSignOff;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** When the blood pressure must be taken again, after a rise of more than 20 mmHg. */
    @Column(name = "recheck_due_at")
    public Instant recheckDueAt;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(name = "alert_id")
    public UUID alertId;

    @Column(name = "alert_status")
    public String alertStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_priority")
    public Priority alertPriority;

    @Column(name = "alert_updated_at")
    public Instant alertUpdatedAt;

    @Column(name = "alert_raised_at")
    public Instant alertRaisedAt;

    @Column(name = "alert_escalation_level")
    public Integer alertEscalationLevel;

    @Column(name = "alert_next_escalation_at")
    public Instant alertNextEscalationAt;

    @Column(name = "alert_acknowledged_by")
    public String alertAcknowledgedBy;

    @Column(name = "alert_acknowledged_at")
    public Instant alertAcknowledgedAt;

    /** Every page of the alert so far, as JSON, as alert-service reported them. */
    @Column(name = "alert_notified", nullable = false)
    public String alertNotified = "[]";

    /** The trace of the latest change (W3C headers): the push of the session to the tablets is a span of it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "trace_context")
    public Map<String, String> traceContext;

    /** When the patient's first session that really began (not one refused at its pre-check) began; null before it. */
    public static Instant firstStartedAt(UUID patientId) {
        // the instant alone: a whole session loaded here would be checked for changes at every flush of the transaction
        return getEntityManager().createQuery("select min(s.startedAt) from Session s where s.patientId = ?1 and s.status <> ?2", Instant.class)
                .setParameter(1, patientId).setParameter(2, SessionStatus.REFUSED).getSingleResult();
    }

    /** When the patient sat up: the last upright logged, else the stop or the start of a session that never inverted. */
    public Instant uprightAt() {
        return lastUprightAt != null ? lastUprightAt : stoppedAt != null ? stoppedAt : startedAt;
    }

    /** The angle the patient actually reached: the highest logged, else the planned one. */
    public int highestAngleReached() {
        return InversionEntry.<InversionEntry>list("sessionId = ?1 and angleDegrees is not null", id).stream()
                .mapToInt(entry -> entry.angleDegrees).max().orElse(angleDegrees);
    }

    /** The session of this clinic, locked for an update, or a 404 that does not tell whether another clinic has it. */
    public static Session lockedInClinic(String clinicId, UUID sessionId) {
        Session session = findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.clinicId.equals(clinicId)) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }

    @OneToMany(mappedBy = "session", cascade = CascadeType.PERSIST)
    @BatchSize(size = 50)
    @OrderBy("reportedAt")
    public List<SessionSymptom> symptoms = new ArrayList<>();
}
