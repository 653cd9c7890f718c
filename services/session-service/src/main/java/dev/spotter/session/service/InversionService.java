package dev.spotter.session.service;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.domain.InversionLimits;
import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.domain.Watchdog;
import dev.spotter.session.model.InversionEntry;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.stream.SessionStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The table's position during a session: holds, angle changes, coming upright, and the tablet's
 * heartbeat. Every entry outside the limits is refused, never clipped; every change moves the
 * session's watchdog deadline.
 */
@ApplicationScoped
public class InversionService {

    @Inject
    Clock clock;

    @Inject
    SessionStream stream;

    @Inject
    ScreeningViewService screeningView;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Session startHold(String clinicId, String user, UUID sessionId, int angleDegrees) {
        Session session = Session.lockedInClinic(clinicId, sessionId);
        if (session.status != SessionStatus.ACTIVE) {
            throw ProblemException.conflict("session-not-active", "The session has ended", "No new hold: the session is "
                    + session.status + ". Keep the patient lying flat if a stop-symptom ended it.");
        }
        if (session.invertedSince != null) {
            throw ProblemException.conflict("already-inverted", "The patient is inverted", "A hold is in progress: change its angle or come upright first.");
        }
        InversionLimits limits = limitsOf(session);
        refuse(limits.checkAngle(angleDegrees));
        Instant now = clock.instant();
        if (limits.timeLeft(Duration.ofSeconds(session.invertedSecondsBefore), null, now).sessionLeft().isZero()) {
            throw ProblemException.refused("total-limit", "angleDegrees", "The session's total inverted time is used up: "
                    + limits.totalCeiling().toSeconds() + " s.");
        }
        session.invertedSince = now;
        session.currentAngleDegrees = angleDegrees;
        session.lastHeartbeatAt = now;
        record(session, user, InversionEntry.HOLD_STARTED, angleDegrees, now);
        rescheduleWatchdog(session, now);
        stream.changed(session);
        return session;
    }

    @Transactional
    public Session changeAngle(String clinicId, String user, UUID sessionId, int angleDegrees) {
        Session session = invertedSession(clinicId, sessionId);
        refuse(limitsOf(session).checkAngle(angleDegrees));
        session.currentAngleDegrees = angleDegrees;
        record(session, user, InversionEntry.ANGLE_CHANGED, angleDegrees, clock.instant());
        stream.changed(session);
        return session;
    }

    /** Coming upright is never refused: it ends the hold and counts its time. */
    @Transactional
    public Session upright(String clinicId, String user, UUID sessionId) {
        Session session = invertedSession(clinicId, sessionId);
        Instant now = clock.instant();
        session.invertedSecondsBefore += (int) Duration.between(session.invertedSince, now).toSeconds();
        session.invertedSince = null;
        session.lastUprightAt = now;
        session.currentAngleDegrees = null;
        session.watchdogDueAt = null;
        record(session, user, InversionEntry.UPRIGHT, null, now);
        stream.changed(session);
        return session;
    }

    /**
     * The tablet is still there while the patient is inverted; upright, a heartbeat changes nothing. The most frequent
     * write of all (every tablet, every 15 s of every hold), so it touches only the watchdog's columns, with plain JDBC
     * on the transaction's connection: loading and flushing the whole session through Hibernate cost several times as
     * much. Not idempotent by key: a heartbeat repeated says the same true thing again.
     */
    @Transactional
    public void heartbeat(String clinicId, UUID sessionId) {
        Instant now = clock.instant();
        boolean found = entityManager.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            Instant dueAt;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT inverted_since, hold_seconds, watchdog_due_at FROM therapy_session WHERE id = ? AND clinic_id = ? FOR UPDATE")) {
                select.setObject(1, sessionId);
                select.setString(2, clinicId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    Instant invertedSince = instant(row.getTimestamp(1));
                    if (invertedSince == null) {
                        return true;
                    }
                    dueAt = nextWatchdog(new Watchdog.Hold(invertedSince, Duration.ofSeconds(row.getInt(2)), now),
                            instant(row.getTimestamp(3)), now);
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE therapy_session SET last_heartbeat_at = ?, watchdog_due_at = ? WHERE id = ?")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setTimestamp(2, dueAt == null ? null : Timestamp.from(dueAt));
                update.setObject(3, sessionId);
                update.executeUpdate();
            }
            return true;
        });
        if (!found) {
            throw ProblemException.notFound("Session", sessionId);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Transactional
    public List<InversionEntry> entries(String clinicId, UUID sessionId) {
        if (Session.count("id = ?1 and clinicId = ?2", sessionId, clinicId) == 0) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return InversionEntry.list("sessionId = ?1 order by at", sessionId);
    }

    /** The hold the watchdog judges: when it began, as planned, and the last sign of the tablet. */
    static Watchdog.Hold holdOf(Session session) {
        return new Watchdog.Hold(session.invertedSince, Duration.ofSeconds(session.holdSeconds), session.lastHeartbeatAt);
    }

    static void rescheduleWatchdog(Session session, Instant now) {
        session.watchdogDueAt = nextWatchdog(holdOf(session), session.watchdogDueAt, now);
    }

    /** The next deadline after now; a deadline already passed but not yet handled is kept, never moved later. */
    private static Instant nextWatchdog(Watchdog.Hold hold, Instant dueAt, Instant now) {
        boolean pending = dueAt != null && !dueAt.isAfter(now);
        return pending ? dueAt : Watchdog.nextDeadline(hold, now).orElse(null);
    }

    private InversionLimits limitsOf(Session session) {
        ProtocolPlan plan = screeningView.requirePlan(KnownPatient.inClinic(session.clinicId, session.patientId));
        Instant firstSession = Session.firstStartedAt(session.patientId);
        return new InversionLimits(plan, firstSession != null ? firstSession : session.startedAt, session.startedAt);
    }

    private Session invertedSession(String clinicId, UUID sessionId) {
        Session session = Session.lockedInClinic(clinicId, sessionId);
        if (session.invertedSince == null) {
            throw ProblemException.conflict("upright", "The patient is upright", "No hold is in progress.");
        }
        return session;
    }

    private static void refuse(Optional<SessionStartRules.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw new ProblemException(r.status(), r.slug(), "Outside the limits", r.detail(), List.of(new Problem.FieldError(r.field(), r.detail())));
        });
    }

    private static void record(Session session, String user, String kind, Integer angleDegrees, Instant at) {
        InversionEntry entry = new InversionEntry();
        entry.id = UUID.randomUUID();
        entry.clinicId = session.clinicId;
        entry.sessionId = session.id;
        entry.kind = kind;
        entry.angleDegrees = angleDegrees;
        entry.at = at;
        entry.enteredBy = user;
        entry.persist();
    }
}
