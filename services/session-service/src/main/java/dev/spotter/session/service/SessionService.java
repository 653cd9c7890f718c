package dev.spotter.session.service;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.clinical.BpCategory;
import dev.spotter.events.alert.AlertEvent;
import dev.spotter.events.alert.AlertRaised;
import dev.spotter.events.alert.AlertStatusChanged;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.session.SessionFlagged;
import dev.spotter.events.session.SessionStarted;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.platform.inbox.RejectedEventException;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.domain.PreSessionCheck;
import dev.spotter.session.domain.SessionStartRules;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.domain.SymptomPriority;
import dev.spotter.session.model.KnownPatient;
import dev.spotter.session.model.ReviewHold;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.model.SessionSymptom;
import dev.spotter.session.stream.SessionStream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Starts sessions (for cleared patients, within their plan), logs their symptoms, and shows each session's alert. Scoped by clinic. */
@ApplicationScoped
public class SessionService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    SessionStream stream;

    @Inject
    ScreeningViewService screeningView;

    @Inject
    ReviewService reviews;

    /** What staff measured before the session: seated blood pressure, heart rate (optional) and pain (NRS 0-10). */
    public record PreCheck(BloodPressure bloodPressure, Integer heartRate, int painBefore) {
    }

    /** The session, and the refusal when its pre-check refused it (then it is kept, REFUSED, for the record and the alert). */
    public record Started(Session session, Optional<SessionStartRules.Refusal> refusal) {
    }

    /**
     * Starts a session with its named spotter at the asked (or planned) angle and hold, if the patient is cleared, it is within
     * the plan, and today's blood pressure passes the BP rule. A crisis reading is kept as a REFUSED session and alerts.
     */
    @Transactional
    public Started start(String clinicId, String user, UUID patientId, String spotter, PreCheck preCheck, Integer angleDegrees,
                         Integer holdSeconds) {
        KnownPatient patient = KnownPatient.findById(patientId, LockModeType.PESSIMISTIC_WRITE);
        if (patient == null || !patient.clinicId.equals(clinicId)) {
            throw ProblemException.refused("unknown-patient", "patientId",
                    "Patient " + patientId + " is not registered in your clinic. Register the patient in screening first.");
        }
        Instant now = clock.instant();
        var request = gateRequest(patient, historyOf(patientId, now), angleDegrees, holdSeconds, now);
        refuseIfAny(refusals(request, ReviewHold.openFor(patientId)));
        PreSessionCheck.Decision bp = PreSessionCheck.judge(bpRequest(patient, preCheck.bloodPressure()));
        if (!bp.mayStart() && bp.alert().isEmpty()) {
            refuseIfAny(List.of(bp.refusal().orElseThrow()));
        }
        Session session = newSession(clinicId, user, patientId, spotter, preCheck, request, now);
        session.status = bp.mayStart() ? SessionStatus.ACTIVE : SessionStatus.REFUSED;
        session.persist();
        stream.changed(session);
        if (bp.mayStart()) {
            outbox.publish(new SessionStarted(UUID.randomUUID(), clinicId, session.startedAt, session.id, patientId, user));
        }
        bp.alert().ifPresent(alert -> outbox.publish(new SessionFlagged(UUID.randomUUID(), clinicId, now, session.id, patientId,
                "BP_CRISIS", alert.priority(), alert.reason())));
        return new Started(session, bp.refusal());
    }

    /** A patient's sessions as the start gate counts them: the first that really began, and how many in the last 7 days. */
    public record History(Instant firstStartedAt, long sessionsInLastWeek) {
    }

    /** Every reason this patient may not start a session at the plan's angle and hold now; empty when they may. */
    public List<SessionStartRules.Refusal> refusals(KnownPatient patient, History history, List<ReviewHold> openReviews) {
        return refusals(gateRequest(patient, history, null, null, clock.instant()), openReviews);
    }

    private static List<SessionStartRules.Refusal> refusals(SessionStartRules.Request request, List<ReviewHold> openReviews) {
        List<SessionStartRules.Refusal> refusals = SessionStartRules.refusals(request);
        return refusals.isEmpty() ? ReviewService.refusals(openReviews) : refusals;
    }

    private SessionStartRules.Request gateRequest(KnownPatient patient, History history, Integer angleDegrees,
                                                  Integer holdSeconds, Instant now) {
        ProtocolPlan plan = screeningView.planOf(patient);
        return new SessionStartRules.Request(screeningView.eligibilityOf(patient), plan, history.firstStartedAt(),
                history.sessionsInLastWeek(),
                angleDegrees != null ? angleDegrees : plan == null ? 0 : plan.startAngleDegrees(),
                holdSeconds != null ? holdSeconds : plan == null ? 0 : plan.startHoldSeconds(), now);
    }

    private static History historyOf(UUID patientId, Instant now) {
        return new History(Session.firstStartedAt(patientId), Session.count("patientId = ?1 and status <> ?2 and startedAt > ?3",
                patientId, SessionStatus.REFUSED, now.minus(SessionStartRules.WEEK)));
    }

    private static PreSessionCheck.Request bpRequest(KnownPatient patient, BloodPressure reading) {
        BpCategory allowed = patient.bpAllowedUpTo == null ? BpCategory.NORMAL : BpCategory.valueOf(patient.bpAllowedUpTo);
        BloodPressure ceiling = patient.bpCeilingSystolic == null ? null
                : new BloodPressure(patient.bpCeilingSystolic, patient.bpCeilingDiastolic);
        return new PreSessionCheck.Request(reading, allowed == BpCategory.STAGE_2, ceiling, allowed == BpCategory.NORMAL);
    }

    private static Session newSession(String clinicId, String user, UUID patientId, String spotter, PreCheck preCheck,
                                      SessionStartRules.Request request, Instant now) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.clinicId = clinicId;
        session.patientId = patientId;
        session.startedAt = now;
        session.startedBy = user;
        session.spotter = spotter.strip();
        session.bpBeforeSystolic = preCheck.bloodPressure().systolic();
        session.bpBeforeDiastolic = preCheck.bloodPressure().diastolic();
        session.heartRateBefore = preCheck.heartRate();
        session.painBefore = preCheck.painBefore();
        session.angleDegrees = request.angleDegrees();
        session.holdSeconds = request.holdSeconds();
        return session;
    }

    /** Logs a symptom; a stop-symptom ends the inversion and is published for alert-service. */
    @Transactional
    public SessionSymptom logSymptom(String clinicId, String user, UUID sessionId, String code,
                                     boolean lastedOverFiveMinutes, boolean matchesKnownSciaticPattern) {
        Symptom symptom = Symptom.byCode(code).orElseThrow(() -> ProblemException.invalidField("code",
                "unknown symptom code '" + code + "'; known codes: " + String.join(", ", Symptom.codes())));
        Session session = Session.lockedInClinic(clinicId, sessionId);
        var context = new SymptomPriority.Context(lastedOverFiveMinutes, matchesKnownSciaticPattern, !session.symptoms.isEmpty());
        SessionSymptom logged = new SessionSymptom();
        logged.id = UUID.randomUUID();
        logged.clinicId = clinicId;
        logged.session = session;
        logged.code = symptom.code();
        logged.priority = SymptomPriority.of(symptom, context);
        logged.stopSymptom = symptom.isStopSymptom();
        logged.reportedAt = clock.instant();
        logged.reportedBy = user;
        logged.persist();
        session.symptoms.add(logged);
        reviews.onSymptom(session, symptom);
        if (logged.stopSymptom && session.status == SessionStatus.ACTIVE) {
            session.status = SessionStatus.STOPPED;
            session.stoppedAt = logged.reportedAt;
        }
        stream.changed(session);
        outbox.publish(new SymptomReported(UUID.randomUUID(), clinicId, logged.reportedAt, session.id, session.patientId,
                logged.id, logged.code, symptom.snomedCodes(), logged.priority, logged.stopSymptom, user));
        return logged;
    }

    @Transactional
    public Optional<Session> find(String clinicId, UUID sessionId) {
        return Session.<Session>find("id = ?1 and clinicId = ?2", sessionId, clinicId).firstResultOptional();
    }

    @Transactional
    public List<Session> list(String clinicId, Optional<SessionStatus> status) {
        return status.map(s -> Session.<Session>find("clinicId = ?1 and status = ?2 order by startedAt desc", clinicId, s))
                .orElseGet(() -> Session.find("clinicId = ?1 order by startedAt desc", clinicId))
                .page(0, 100).list();
    }

    /** alert-service raised the alert for one of our sessions: show it on the session. */
    public void onAlertRaised(AlertRaised raised) {
        Session session = alertedSession(raised);
        session.alertId = raised.alertId();
        session.alertStatus = "RAISED";
        session.alertPriority = raised.priority();
        session.alertRaisedAt = raised.occurredAt();
        session.alertUpdatedAt = raised.occurredAt();
        stream.changed(session);
    }

    /** alert-service paged someone, found nobody on call, delivered a page or failed to, or the alert was acknowledged, re-triggered, resolved or cancelled. */
    public void onAlertStatusChanged(AlertStatusChanged changed) {
        Session session = alertedSession(changed);
        session.alertId = changed.alertId();
        session.alertStatus = changed.status();
        session.alertPriority = changed.priority();
        session.alertUpdatedAt = changed.occurredAt();
        if (changed.change() != AlertStatusChanged.Change.DELIVERED && changed.change() != AlertStatusChanged.Change.DELIVERY_FAILED) {
            session.alertEscalationLevel = changed.escalationLevel(); // a delivery result names the level of its page
        }
        session.alertNextEscalationAt = changed.nextEscalationAt();
        if (changed.change() == AlertStatusChanged.Change.ACKNOWLEDGED) {
            session.alertAcknowledgedBy = changed.actor();
            session.alertAcknowledgedAt = changed.occurredAt();
        } else if (changed.change() == AlertStatusChanged.Change.RETRIGGERED) {
            session.alertAcknowledgedBy = null;
            session.alertAcknowledgedAt = null;
        }
        session.alertNotified = AlertNotifications.apply(session.alertNotified, changed);
        stream.changed(session);
    }

    private static Session alertedSession(AlertEvent event) {
        Session session = Session.findById(event.sessionId(), LockModeType.PESSIMISTIC_WRITE);
        if (session == null || !session.clinicId.equals(event.clinicId())) {
            throw new RejectedEventException("alert " + event.alertId() + " names session " + event.sessionId()
                    + ", which clinic " + event.clinicId() + " does not have");
        }
        return session;
    }

    private static void refuseIfAny(List<SessionStartRules.Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        SessionStartRules.Refusal first = refusals.getFirst();
        throw new ProblemException(first.status(), first.slug(), "The session cannot start",
                refusals.stream().map(SessionStartRules.Refusal::detail).collect(Collectors.joining(" ")),
                refusals.stream().map(r -> new Problem.FieldError(r.field(), r.detail())).toList());
    }
}
