package dev.spotter.session.service;

import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.ReviewHold;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.service.SessionService.History;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The clinic's patients as the tablet lists them: may they start a session today, why not, and a session to resume.
 * A fixed handful of queries for the whole clinic, however many patients it has: tablets reload this list often.
 */
@ApplicationScoped
public class CourseService {

    /** One patient's course today; {@code openSession} is a session still waiting for its post-session check. */
    public record Course(KnownPatient patient, List<SessionStartRules.Refusal> refusals, List<ReviewHold> openReviews,
                         Optional<Session> openSession, Instant lastSessionAt, long sessionsThisWeek) {
    }

    private record Started(Instant first, Instant last, long inLastWeek) {
        static final Started NONE = new Started(null, null, 0);
    }

    @Inject
    SessionService sessions;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Transactional
    public List<Course> list(String clinicId) {
        Instant now = clock.instant();
        Map<UUID, Started> started = startedByPatient(clinicId, now);
        Map<UUID, Session> open = Session.<Session>list("clinicId = ?1 and status in ?2 order by startedAt", clinicId,
                List.of(SessionStatus.ACTIVE, SessionStatus.STOPPED)).stream()
                .collect(Collectors.toMap(s -> s.patientId, Function.identity(), (earlier, later) -> later));
        Map<UUID, List<ReviewHold>> reviews = ReviewHold.<ReviewHold>list("clinicId = ?1 and releasedAt is null order by createdAt",
                clinicId).stream().collect(Collectors.groupingBy(hold -> hold.patientId));
        return KnownPatient.<KnownPatient>list("clinicId = ?1 order by registeredAt", clinicId).stream().map(patient -> {
            Started history = started.getOrDefault(patient.patientId, Started.NONE);
            List<ReviewHold> holds = reviews.getOrDefault(patient.patientId, List.of());
            return new Course(patient, sessions.refusals(patient, new History(history.first(), history.inLastWeek()), holds),
                    holds, Optional.ofNullable(open.get(patient.patientId)), history.last(), history.inLastWeek());
        }).toList();
    }

    /** Per patient: the first and the latest session that really began, and how many began in the last seven days. */
    private Map<UUID, Started> startedByPatient(String clinicId, Instant now) {
        List<Object[]> rows = entityManager.createQuery("select s.patientId, min(s.startedAt), max(s.startedAt), "
                        + "sum(case when s.startedAt > :weekAgo then 1 else 0 end) from Session s "
                        + "where s.clinicId = :clinic and s.status <> :refused group by s.patientId", Object[].class)
                .setParameter("weekAgo", now.minus(SessionStartRules.WEEK)).setParameter("clinic", clinicId)
                .setParameter("refused", SessionStatus.REFUSED).getResultList();
        Map<UUID, Started> byPatient = new HashMap<>();
        rows.forEach(row -> byPatient.put((UUID) row[0], new Started((Instant) row[1], (Instant) row[2], ((Number) row[3]).longValue())));
        return byPatient;
    }
}
