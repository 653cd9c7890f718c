package dev.spotter.session.service;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.domain.PostSessionCheck;
import dev.spotter.session.model.InversionEntry;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.stream.SessionStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ends a session with its post-session check: at least 3 minutes sitting, the BP rules after the session, the spotter's sign-off. */
@ApplicationScoped
public class CompletionService {

    /** What staff record after the session. */
    public record PostCheck(BloodPressure bloodPressure, Integer heartRate, int painAfter, String spotterSignOff) {
    }

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    SessionStream stream;

    @Inject
    ReviewService reviews;

    @Transactional
    public Session complete(String clinicId, UUID sessionId, PostCheck check) {
        Session session = Session.lockedInClinic(clinicId, sessionId);
        refuseIfNotReady(session);
        Instant now = clock.instant();
        Instant upright = session.uprightAt();
        PostSessionCheck.standUp(upright, now).ifPresent(refusal -> {
            throw new ProblemException(refusal.status(), refusal.slug(), "Keep the patient sitting", refusal.detail(),
                    List.of(new Problem.FieldError("bloodPressure", refusal.detail())));
        });
        var result = PostSessionCheck.judge(new BloodPressure(session.bpBeforeSystolic, session.bpBeforeDiastolic),
                check.bloodPressure(), upright);
        record(session, check, now);
        session.recheckDueAt = result.recheckDueAt().orElse(null);
        reviews.onCompleted(session);
        stream.changed(session);
        result.alert().ifPresent(alert -> outbox.publish(new SessionFlagged(UUID.randomUUID(), clinicId, now, session.id,
                session.patientId, "POST_SESSION_BP", alert.priority(), alert.reason())));
        return session;
    }

    private static void refuseIfNotReady(Session session) {
        if (session.status == SessionStatus.COMPLETED || session.status == SessionStatus.REFUSED) {
            throw ProblemException.conflict("session-closed", "The session is closed", "The session is " + session.status + ".");
        }
        if (session.invertedSince != null) {
            throw ProblemException.conflict("still-inverted", "The patient is inverted",
                    "Bring the table to horizontal and log it (upright) before the post-session check.");
        }
    }

    private static void record(Session session, PostCheck check, Instant now) {
        session.bpAfterSystolic = check.bloodPressure().systolic();
        session.bpAfterDiastolic = check.bloodPressure().diastolic();
        session.heartRateAfter = check.heartRate();
        session.painAfter = check.painAfter();
        session.spotterSignOff = check.spotterSignOff().strip();
        session.completedAt = now;
        session.status = SessionStatus.COMPLETED;
    }
}
