package dev.spotter.screening.service;

import dev.spotter.events.screening.ClearanceExpired;
import dev.spotter.events.screening.ClearanceRecorded;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.domain.Questionnaire;
import dev.spotter.screening.model.PhysicianClearance;
import dev.spotter.screening.config.ClearanceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Records physicians' clearances and announces each one's expiry on the day it stops counting. */
@ApplicationScoped
public class ClearanceService {

    private static final Logger LOG = Logger.getLogger(ClearanceService.class);

    /** What a clinician enters from the physician's letter; ceiling and expiry are optional. */
    public record NewClearance(String physicianName, String physicianId, LocalDate issuedOn, List<String> scope,
                               Integer bpCeilingSystolic, Integer bpCeilingDiastolic, LocalDate expiresOn) {
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

    @Transactional
    public PhysicianClearance record(String clinicId, String user, UUID patientId, NewClearance request) {
        patients.require(clinicId, patientId);
        ClinicSettingsService.Settings clinic = settings.of(clinicId);
        LocalDate today = settings.today(clinic);
        refuseIfInvalid(request, today);
        PhysicianClearance clearance = new PhysicianClearance();
        clearance.id = UUID.randomUUID();
        clearance.clinicId = clinicId;
        clearance.patientId = patientId;
        clearance.physicianName = request.physicianName().strip();
        clearance.physicianId = request.physicianId().strip();
        clearance.issuedOn = request.issuedOn();
        clearance.scope = String.join(",", request.scope().stream().distinct().sorted().toList());
        clearance.bpCeilingSystolic = request.bpCeilingSystolic();
        clearance.bpCeilingDiastolic = request.bpCeilingDiastolic();
        clearance.expiresOn = request.expiresOn() != null ? request.expiresOn() : clinic.rules().clearanceExpiresOn(request.issuedOn());
        clearance.recordedAt = clock.instant();
        clearance.recordedBy = user;
        clearance.persist();
        PatientEligibility after = eligibility.current(clinicId, patientId);
        outbox.publish(new ClearanceRecorded(UUID.randomUUID(), clinicId, clearance.recordedAt, patientId, clearance.id,
                clearance.physicianId, List.of(clearance.scope.split(",")), clearance.bpCeilingSystolic, clearance.bpCeilingDiastolic,
                clearance.expiresOn, after));
        return clearance;
    }

    @Transactional
    public List<PhysicianClearance> list(String clinicId, UUID patientId) {
        patients.require(clinicId, patientId);
        return PhysicianClearance.list("patientId = ?1 and clinicId = ?2 order by issuedOn desc", patientId, clinicId);
    }

    @Inject
    Scheduler scheduler;

    @Inject
    ClearanceConfig config;

    void scheduleExpiryCheck(@Observes StartupEvent event) {
        scheduler.newJob("clearance-expiry").setInterval(config.expiryCheck().toMillis() + "ms")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> announceExpiries()).schedule();
    }

    /** Announces every clearance whose expiry day has come in its clinic's calendar; replicas skip rows another one holds. */
    @Transactional
    public int announceExpiries() {
        LocalDate latestToday = LocalDate.ofInstant(clock.instant(), ZoneOffset.MAX);
        List<PhysicianClearance> due = PhysicianClearance.<PhysicianClearance>find("expiryPublished = false and expiresOn <= ?1", latestToday)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).list();
        int announced = 0;
        for (PhysicianClearance clearance : due) {
            if (!clearance.expiresOn.isAfter(settings.today(settings.of(clearance.clinicId)))) {
                clearance.expiryPublished = true;
                outbox.publish(new ClearanceExpired(UUID.randomUUID(), clearance.clinicId, clock.instant(), clearance.patientId,
                        clearance.id, eligibility.current(clearance.clinicId, clearance.patientId)));
                announced++;
            }
        }
        if (announced > 0) {
            LOG.infof("announced %d expired clearances", announced);
        }
        return announced;
    }

    private static void refuseIfInvalid(NewClearance request, LocalDate today) {
        for (String ruleId : request.scope()) {
            if (!Questionnaire.CLEARABLE_RULES.contains(ruleId)) {
                throw ProblemException.refused("not-clearable", "scope", Questionnaire.RULE_IDS.contains(ruleId)
                        ? ruleId + " is a contraindication: no clearance can ever clear it."
                        : ruleId + " is not a screening rule; clearable rules: " + String.join(", ", Questionnaire.CLEARABLE_RULES));
            }
        }
        if (request.issuedOn().isAfter(today)) {
            throw ProblemException.invalidField("issuedOn", "must not be in the future");
        }
        if (request.expiresOn() != null && !request.expiresOn().isAfter(request.issuedOn())) {
            throw ProblemException.invalidField("expiresOn", "must be after issuedOn");
        }
        if ((request.bpCeilingSystolic() == null) != (request.bpCeilingDiastolic() == null)) {
            throw ProblemException.invalidFields(List.of("bpCeilingSystolic", "bpCeilingDiastolic"),
                    "give both the systolic and the diastolic ceiling, or neither");
        }
    }
}
