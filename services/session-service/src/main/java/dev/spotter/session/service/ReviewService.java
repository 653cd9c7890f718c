package dev.spotter.session.service;

import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.domain.Outcomes;
import dev.spotter.session.domain.Review;
import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.ReviewHold;
import dev.spotter.session.model.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The reviews a patient needs before their next session: raised by a symptom (chest pain, a visual disturbance, eye
 * redness) or by a deterioration of pain, enforced at the start gate, released by a clinician with a note.
 */
@ApplicationScoped
public class ReviewService {

    /** The cause of a review raised by the deterioration rule rather than by a symptom. */
    public static final String DETERIORATION = "deterioration";

    @Inject
    Clock clock;

    /** A symptom that needs a review holds the patient's next session; once per kind and session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSymptom(Session session, Symptom symptom) {
        symptom.review().ifPresent(review -> hold(session, review, symptom.code(),
                symptom.label() + " in the session of " + session.startedAt + ". " + symptom.extraAction()));
    }

    /** After a completed session: pain 2 points above baseline in the last two sessions pauses the plan for review. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onCompleted(Session session) {
        Outcomes.Deterioration deterioration = Outcomes.deterioration(OutcomeService.painCourse(session.patientId));
        if (deterioration.pausePlan()) {
            hold(session, Review.CLINICIAN, DETERIORATION, "The plan is paused. " + deterioration.reason());
        }
    }

    /** The start gate's part: every open review refuses the session, each named with its reason. */
    public static List<SessionStartRules.Refusal> refusals(List<ReviewHold> open) {
        if (open.isEmpty()) {
            return List.of();
        }
        String reasons = open.stream().map(hold -> hold.kind.before(hold.reason)).collect(Collectors.joining(" "));
        return List.of(new SessionStartRules.Refusal(409, "review-required", "patientId",
                reasons + " A clinician releases the review once it is done."));
    }

    @Transactional
    public List<ReviewHold> open(String clinicId, UUID patientId) {
        KnownPatient.inClinic(clinicId, patientId);
        return ReviewHold.openFor(patientId);
    }

    /** A clinician says the review is done; the note says what it found. Releasing twice is refused. */
    @Transactional
    public ReviewHold release(String clinicId, String user, UUID patientId, UUID reviewId, String note) {
        KnownPatient.inClinic(clinicId, patientId);
        ReviewHold hold = ReviewHold.<ReviewHold>find("id = ?1 and patientId = ?2", reviewId, patientId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Review", reviewId));
        if (hold.releasedAt != null) {
            throw ProblemException.conflict("review-released", "Already released",
                    "This review was released by " + hold.releasedBy + " at " + hold.releasedAt + ".");
        }
        hold.releasedAt = clock.instant();
        hold.releasedBy = user;
        hold.releaseNote = note.strip();
        return hold;
    }

    private void hold(Session session, Review kind, String cause, String reason) {
        if (ReviewHold.exists(session.patientId, cause, session.id)) {
            return;
        }
        ReviewHold hold = new ReviewHold();
        hold.id = UUID.randomUUID();
        hold.clinicId = session.clinicId;
        hold.patientId = session.patientId;
        hold.kind = kind;
        hold.cause = cause;
        hold.reason = reason;
        hold.sessionId = session.id;
        hold.createdAt = clock.instant();
        hold.persist();
    }
}
