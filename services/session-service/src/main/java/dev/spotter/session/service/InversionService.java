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
import jakarta.transaction.Transactional;
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
    Heartbeats heartbeats;

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

    /** The tablet is still there; while the patient is inverted, that moves the session's watchdog ({@link Heartbeats}). */
    public void heartbeat(String clinicId, UUID sessionId) {
        if (!heartbeats.heard(clinicId, sessionId)) {
            throw ProblemException.notFound("Session", sessionId);
        }
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
    static Instant nextWatchdog(Watchdog.Hold hold, Instant dueAt, Instant now) {
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
