package dev.spotter.session.service;

import dev.spotter.events.Priority;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.domain.Adherence;
import dev.spotter.session.domain.AdverseEvents;
import dev.spotter.session.domain.Outcomes;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.OdiScore;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A patient's course over the 8 weeks: pain per session, ODI scores, responder and deterioration, adherence, adverse events. */
@ApplicationScoped
public class OutcomeService {

    /** Everything the progress view shows, computed from the sessions and scores on file. */
    public record Progress(List<Session> sessions, Map<OdiScore.Point, Integer> odi, Outcomes.Response response,
                           Outcomes.Deterioration deterioration, Adherence adherence, AdverseEvents adverseEvents) {
    }

    @Inject
    Clock clock;

    @Inject
    ScreeningViewService screeningView;

    @Transactional
    public OdiScore recordOdi(String clinicId, String user, UUID patientId, OdiScore.Point point, int score) {
        KnownPatient.inClinic(clinicId, patientId);
        if (OdiScore.count("patientId = ?1 and point = ?2", patientId, point) > 0) {
            throw ProblemException.conflict("odi-recorded", "Already recorded", "The " + point + " ODI of this patient is on file.");
        }
        OdiScore odi = new OdiScore();
        odi.id = UUID.randomUUID();
        odi.clinicId = clinicId;
        odi.patientId = patientId;
        odi.point = point;
        odi.score = score;
        odi.recordedAt = clock.instant();
        odi.recordedBy = user;
        odi.persist();
        return odi;
    }

    @Transactional
    public Progress progress(String clinicId, UUID patientId) {
        KnownPatient patient = KnownPatient.inClinic(clinicId, patientId);
        List<Session> sessions = Session.list("patientId = ?1 and status <> ?2 order by startedAt", patientId, SessionStatus.REFUSED);
        Map<OdiScore.Point, Integer> odi = OdiScore.<OdiScore>list("patientId", patientId).stream()
                .collect(Collectors.toMap(o -> o.point, o -> o.score));
        List<Outcomes.SessionPain> pain = painOf(sessions);
        var odiCourse = new Outcomes.Odi(odi.get(OdiScore.Point.BASELINE), odi.get(OdiScore.Point.WEEK_4), odi.get(OdiScore.Point.WEEK_8));
        ProtocolPlan plan = screeningView.planOf(patient);
        List<Instant> done = sessions.stream().map(s -> s.startedAt).toList();
        List<Priority> stopSymptoms = sessions.stream().flatMap(s -> s.symptoms.stream()).filter(s -> s.stopSymptom)
                .map(s -> s.priority).toList();
        return new Progress(sessions, odi, Outcomes.response(pain, odiCourse), Outcomes.deterioration(pain),
                plan == null ? new Adherence(List.of()) : Adherence.of(done, plan.maxSessionsPerWeek(), clock.instant()),
                AdverseEvents.count(stopSymptoms));
    }

    /** Pain before and after each of the patient's sessions that has both, in order. */
    static List<Outcomes.SessionPain> painCourse(UUID patientId) {
        return painOf(Session.list("patientId = ?1 and status <> ?2 order by startedAt", patientId, SessionStatus.REFUSED));
    }

    private static List<Outcomes.SessionPain> painOf(List<Session> sessions) {
        return sessions.stream().filter(s -> s.painAfter != null)
                .map(s -> new Outcomes.SessionPain(s.startedAt, s.painBefore, s.painAfter)).toList();
    }
}
