package dev.spotter.session.service;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.session.domain.PostSessionCheck;
import dev.spotter.session.domain.Progression;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Suggests the next session's angle and hold from the last completed one, by the progression rule, with its reason. */
@ApplicationScoped
public class ProgressionService {

    /** The suggestion, and the session it was based on (none before the first). */
    public record Next(Progression.Suggestion suggestion, UUID basedOnSession) {
    }

    @Inject
    Clock clock;

    @Inject
    ScreeningViewService screeningView;

    @Transactional
    public Next suggest(String clinicId, UUID patientId) {
        KnownPatient patient = KnownPatient.inClinic(clinicId, patientId);
        ProtocolPlan plan = screeningView.requirePlan(patient);
        Optional<Session> last = Session.<Session>find("patientId = ?1 and status = ?2 order by completedAt desc", patientId,
                SessionStatus.COMPLETED).firstResultOptional();
        if (last.isEmpty()) {
            return new Next(new Progression.Suggestion(plan.startAngleDegrees(), plan.startHoldSeconds(), Progression.Change.REPEAT,
                    false, "First session: the plan's starting angle and hold."), null);
        }
        return new Next(Progression.next(lastSession(last.get()), plan, Session.firstStartedAt(patientId), clock.instant()),
                last.get().id);
    }

    private static Progression.LastSession lastSession(Session session) {
        BloodPressure before = new BloodPressure(session.bpBeforeSystolic, session.bpBeforeDiastolic);
        BloodPressure after = new BloodPressure(session.bpAfterSystolic, session.bpAfterDiastolic);
        boolean bpPassed = PostSessionCheck.judge(before, after, session.completedAt).passed();
        return new Progression.LastSession(session.highestAngleReached(), session.holdSeconds, session.stoppedAt != null,
                session.painBefore, session.painAfter, bpPassed, dizzyOnRising(session));
    }

    /** Dizziness logged after the patient came upright means a slower return next time. */
    private static boolean dizzyOnRising(Session session) {
        Instant upright = session.lastUprightAt;
        return upright != null && session.symptoms.stream()
                .anyMatch(s -> Symptom.DIZZINESS.code().equals(s.code) && !s.reportedAt.isBefore(upright));
    }
}
