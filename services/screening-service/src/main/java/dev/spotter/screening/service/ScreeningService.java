package dev.spotter.screening.service;

import dev.spotter.clinical.BloodPressure;
import dev.spotter.events.Priority;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.ScreeningCompleted;
import dev.spotter.events.screening.UrgentFindingReported;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.Problem;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.domain.AnswerProblem;
import dev.spotter.screening.domain.AnswerValidation;
import dev.spotter.screening.domain.Questionnaire;
import dev.spotter.screening.domain.Reason;
import dev.spotter.screening.domain.ScreeningAnswers;
import dev.spotter.screening.domain.ScreeningResult;
import dev.spotter.screening.domain.ScreeningRules;
import dev.spotter.screening.mapping.EligibilityMapping;
import dev.spotter.screening.mapping.StoredJson;
import dev.spotter.screening.model.Screening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Records a completed screening, decides its outcome, and tells the platform: eligibility to sessions, urgent findings to alerts. */
@ApplicationScoped
public class ScreeningService {

    /** A stored screening with its result and the patient's eligibility after it. */
    public record Completed(Screening screening, ScreeningResult result, PatientEligibility eligibility) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    PatientService patients;

    @Inject
    ClinicSettingsService settings;

    @Inject
    EligibilityService eligibility;

    @Inject
    StoredJson json;

    @Transactional
    public Completed submit(String clinicId, String user, UUID patientId, ScreeningAnswers answers) {
        patients.require(clinicId, patientId);
        ClinicSettingsService.Settings clinic = settings.of(clinicId);
        LocalDate today = settings.today(clinic);
        Instant now = clock.instant();
        refuseIfInvalid(AnswerValidation.problems(answers, today, now));
        ScreeningResult result = ScreeningRules.evaluate(answers, clinic.rules(), today);
        Screening screening = store(clinicId, user, patientId, answers, result, now, today, clinic.rules().screeningExpiresOn(today));
        PatientEligibility after = eligibility.current(clinicId, patientId);
        outbox.publish(new ScreeningCompleted(UUID.randomUUID(), clinicId, now, patientId, screening.id, Questionnaire.VERSION,
                result.outcome().name(), result.reasons().stream().map(EligibilityMapping::toEvent).toList(),
                screening.validUntil.atStartOfDay(clinic.timeZone()).toInstant(), after));
        result.reasons().stream().filter(Reason::urgent).forEach(reason -> outbox.publish(new UrgentFindingReported(UUID.randomUUID(),
                clinicId, now, patientId, screening.id, reason.ruleId(), Priority.HIGH, reason.text())));
        return new Completed(screening, result, after);
    }

    @Transactional
    public List<Screening> history(String clinicId, UUID patientId) {
        patients.require(clinicId, patientId);
        return Screening.<Screening>find("patientId = ?1 and clinicId = ?2 order by completedAt desc", patientId, clinicId).list();
    }

    private Screening store(String clinicId, String user, UUID patientId, ScreeningAnswers answers, ScreeningResult result,
                            Instant now, LocalDate today, LocalDate validUntil) {
        BloodPressure counted = answers.bloodPressure().counted();
        Screening screening = new Screening();
        screening.id = UUID.randomUUID();
        screening.clinicId = clinicId;
        screening.patientId = patientId;
        screening.questionnaireVersion = Questionnaire.VERSION;
        screening.answers = json.write(answers);
        screening.outcome = result.outcome().name();
        screening.reasons = json.write(result.reasons());
        screening.bpCategory = result.bpCategory().name();
        screening.countedSystolic = counted.systolic();
        screening.countedDiastolic = counted.diastolic();
        screening.completedAt = now;
        screening.completedOn = today;
        screening.validUntil = validUntil;
        screening.completedBy = user;
        screening.persist();
        return screening;
    }

    private static void refuseIfInvalid(List<AnswerProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = problems.stream()
                .map(p -> new Problem.FieldError(p.field(), p.questionId() + ": " + p.message())).toList();
        throw new ProblemException(400, "invalid-answers", "Some answers are not valid",
                errors.stream().map(e -> e.field() + " (" + e.message() + ")").collect(Collectors.joining("; ")), errors);
    }
}
