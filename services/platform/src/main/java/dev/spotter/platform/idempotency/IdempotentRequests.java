package dev.spotter.platform.idempotency;

import dev.spotter.platform.config.SpotterConfig;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The stored first answers to idempotent requests, per clinic and key; kept for the configured retention. */
@ApplicationScoped
public class IdempotentRequests {

    /** The answer first given: status, content type, JSON body and Location, as sent. */
    public record Answer(int status, String contentType, String body, String location) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    SpotterConfig config;

    @Inject
    Scheduler scheduler;

    /**
     * Claims the key for this request, or returns the answer given to it before. A concurrent claim of the same key
     * waits here for the first to commit (or roll back, and then claims it itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Answer> claim(String clinicId, String key, String fingerprint) {
        int claimed = entityManager.createNativeQuery("INSERT INTO idempotent_request (clinic_id, key, fingerprint, created_at) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, clinicId).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT fingerprint, status, content_type, body, location "
                        + "FROM idempotent_request WHERE clinic_id = ?1 AND key = ?2")
                .setParameter(1, clinicId).setParameter(2, key).getSingleResult();
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key used for another request",
                    "This Idempotency-Key was first used for " + row[0] + "; make a new key for a new request.",
                    List.of(new Problem.FieldError(Idempotent.HEADER, "already used for another request")));
        }
        return Optional.of(new Answer(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void answer(String clinicId, String key, Answer answer) {
        entityManager.createNativeQuery("UPDATE idempotent_request SET status = ?3, content_type = ?4, body = ?5, location = ?6 "
                        + "WHERE clinic_id = ?1 AND key = ?2")
                .setParameter(1, clinicId).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.contentType()).setParameter(5, answer.body()).setParameter(6, answer.location())
                .executeUpdate();
    }

    void schedulePurge(@Observes StartupEvent event) {
        scheduler.newJob("idempotent-request-purge").setInterval("1h").setTask(execution -> purge()).schedule();
    }

    /** Forgets answers older than the retention; returns how many. */
    public int purge() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(config.idempotency().retention()))).executeUpdate());
    }
}
