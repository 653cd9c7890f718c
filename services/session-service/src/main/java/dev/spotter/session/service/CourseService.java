package dev.spotter.session.service;

import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.ReviewHold;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The clinic's patients as the tablet lists them: may they start a session today, why not, and a session to resume. */
@ApplicationScoped
public class CourseService {

    /** One patient's course today; {@code openSession} is a session still waiting for its post-session check. */
    public record Course(KnownPatient patient, List<SessionStartRules.Refusal> refusals, List<ReviewHold> openReviews,
                         Optional<Session> openSession, Instant lastSessionAt, long sessionsThisWeek) {
    }

    @Inject
    SessionService sessions;

    @Inject
    Clock clock;

    @Transactional
    public List<Course> list(String clinicId) {
        Instant now = clock.instant();
        return KnownPatient.<KnownPatient>list("clinicId = ?1 order by registeredAt", clinicId).stream()
                .map(patient -> courseOf(patient, now)).collect(Collectors.toList());
    }

    private Course courseOf(KnownPatient patient, Instant now) {
        Optional<Session> open = Session.<Session>find("patientId = ?1 and status in ?2 order by startedAt desc",
                patient.patientId, List.of(SessionStatus.ACTIVE, SessionStatus.STOPPED)).firstResultOptional();
        Instant last = Session.<Session>find("patientId = ?1 and status <> ?2 order by startedAt desc", patient.patientId,
                SessionStatus.REFUSED).firstResultOptional().map(s -> s.startedAt).orElse(null);
        return new Course(patient, sessions.refusals(patient, null, null), ReviewHold.openFor(patient.patientId), open, last,
                SessionService.sessionsInWeekBefore(patient.patientId, now));
    }
}
