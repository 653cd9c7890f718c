package dev.spotter.session.rest;

import dev.spotter.events.Priority;
import dev.spotter.session.domain.PostSessionCheck;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.model.InversionEntry;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionStatus;
import dev.spotter.session.model.SessionSymptom;
import dev.spotter.session.service.AlertNotifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The request and response bodies of the session API, and the mapping of a session to its view; entities never leave the service. */
@ApplicationScoped
public class SessionViews {

    @Inject
    Clock clock;

    /** The session as the tablet sees it now. */
    public SessionView of(Session session) {
        return SessionView.of(session, clock.instant());
    }

    /** A seated blood-pressure reading in mmHg, within plausible ranges. */
    public record Reading(@NotNull @Min(50) @Max(300) Integer systolic, @NotNull @Min(30) @Max(200) Integer diastolic) {
    }

    /** The pre-check and the start: who spots, today's blood pressure, heart rate, pain; angle and hold default to the plan. */
    public record StartSessionRequest(@NotNull UUID patientId, @NotBlank @Size(max = 120) String spotter,
                                      @NotNull @Valid Reading bloodPressure, @Min(25) @Max(250) Integer heartRate,
                                      @NotNull @Min(0) @Max(10) Integer painBefore,
                                      @Min(1) @Max(90) Integer angleDegrees, @Min(1) @Max(600) Integer holdSeconds) {
    }

    /** The post-session check: BP/HR at about 3 minutes upright, pain, and the spotter's sign-off. */
    public record PostCheckRequest(@NotNull @Valid Reading bloodPressure, @Min(25) @Max(250) Integer heartRate,
                                   @NotNull @Min(0) @Max(10) Integer painAfter, @NotBlank @Size(max = 120) String spotterSignOff) {
    }

    /** An angle for a new hold or a change of angle, in degrees from horizontal. */
    public record AngleRequest(@NotNull @Min(0) @Max(180) Integer angleDegrees) {
    }

    public record InversionEntryView(String kind, Integer angleDegrees, Instant at, String enteredBy) {

        static InversionEntryView of(InversionEntry entry) {
            return new InversionEntryView(entry.kind, entry.angleDegrees, entry.at, entry.enteredBy);
        }
    }

    public record LogSymptomRequest(
            @NotBlank @Size(max = 64) String code,
            Boolean lastedOverFiveMinutes,
            Boolean matchesKnownSciaticPattern) {
    }

    /**
     * A session: planned angle and hold, who spots, the hold in progress (if inverted), symptoms and the alert's status.
     * {@code asOf} is the server's time of the view, so a tablet times the hold from the server's instants, not its own clock;
     * {@code postCheckFrom} is when the patient has sat long enough for the post-session check.
     */
    public record SessionView(UUID id, String clinicId, UUID patientId, String status, String spotter, Integer bpBeforeSystolic,
                              Integer bpBeforeDiastolic, Integer heartRateBefore, Integer painBefore, Integer angleDegrees,
                              Integer holdSeconds, Instant startedAt, Instant stoppedAt, boolean inverted, Integer currentAngleDegrees,
                              Instant invertedSince, int invertedSecondsBefore, Instant uprightAt, Instant postCheckFrom,
                              Integer bpAfterSystolic, Integer bpAfterDiastolic, Integer painAfter, String spotterSignOff,
                              Instant completedAt, Instant recheckDueAt, List<SymptomView> symptoms, AlertStatusView alert,
                              Instant asOf) {

        static SessionView of(Session session, Instant asOf) {
            AlertStatusView alert = session.alertId == null ? null : AlertStatusView.of(session);
            Instant upright = session.invertedSince != null || session.status == SessionStatus.REFUSED ? null : session.uprightAt();
            Instant postCheckFrom = upright == null || session.completedAt != null ? null
                    : upright.plus(PostSessionCheck.SITTING_BEFORE_STANDING);
            return new SessionView(session.id, session.clinicId, session.patientId, session.status.name(), session.spotter,
                    session.bpBeforeSystolic, session.bpBeforeDiastolic, session.heartRateBefore, session.painBefore,
                    session.angleDegrees, session.holdSeconds, session.startedAt, session.stoppedAt, session.invertedSince != null,
                    session.currentAngleDegrees, session.invertedSince, session.invertedSecondsBefore, upright, postCheckFrom,
                    session.bpAfterSystolic, session.bpAfterDiastolic, session.painAfter, session.spotterSignOff,
                    session.completedAt, session.recheckDueAt, session.symptoms.stream().map(SymptomView::of).toList(), alert, asOf);
        }
    }

    /** A logged symptom; for a stop-symptom, what staff must do now, from local state, before any clinician answers. */
    public record SymptomView(UUID id, String code, String label, Priority priority, boolean stopSymptom, Instant reportedAt,
                              String stopProtocol, String extraAction) {

        static SymptomView of(SessionSymptom logged) {
            Symptom symptom = Symptom.byCode(logged.code).orElseThrow();
            return new SymptomView(logged.id, logged.code, symptom.label(), logged.priority, logged.stopSymptom, logged.reportedAt,
                    logged.stopSymptom ? Symptom.STOP_PROTOCOL : null, symptom.extraAction());
        }
    }

    /** The session's alert as alert-service last reported it: paged whom, escalation level and next step, acknowledged by whom. */
    public record AlertStatusView(UUID alertId, String status, Priority priority, Instant raisedAt, Instant updatedAt,
                                  Integer escalationLevel,
                                  Instant nextEscalationAt, String acknowledgedBy, Instant acknowledgedAt,
                                  List<AlertNotifications.Notified> notified) {

        static AlertStatusView of(Session session) {
            return new AlertStatusView(session.alertId, session.alertStatus, session.alertPriority, session.alertRaisedAt,
                    session.alertUpdatedAt,
                    session.alertEscalationLevel, session.alertNextEscalationAt, session.alertAcknowledgedBy,
                    session.alertAcknowledgedAt, AlertNotifications.read(session.alertNotified));
        }
    }

    /** A button of the tablet's symptom grid, with the stop protocol the tablet keeps to show without the network. */
    public record CatalogueEntry(String code, String label, List<String> snomedCodes, Priority priority, boolean stopSymptom,
                                 String extraAction, String stopProtocol) {

        static CatalogueEntry of(Symptom symptom) {
            return new CatalogueEntry(symptom.code(), symptom.label(), symptom.snomedCodes(), symptom.basePriority(),
                    symptom.isStopSymptom(), symptom.extraAction(), symptom.isStopSymptom() ? Symptom.STOP_PROTOCOL : null);
        }
    }
}
