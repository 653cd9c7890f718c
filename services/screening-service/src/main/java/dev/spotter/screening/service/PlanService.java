package dev.spotter.screening.service;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.screening.ProtocolPlanChanged;
import dev.spotter.platform.outbox.Outbox;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.screening.model.PatientPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Each patient's protocol plan: the rules' defaults at registration, changed by a clinician within the hard limits. */
@ApplicationScoped
public class PlanService {

    /** Start 20 deg for 60 s; 30 deg in the first two weeks; at most 60 deg, 3 min a hold, 5 min a session, 4 a week. */
    public static final ProtocolPlan DEFAULT = new ProtocolPlan(20, 60, 30, 60, 180, 300, 4);

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    PatientService patients;

    @Transactional(Transactional.TxType.MANDATORY)
    public void startWithDefault(String clinicId, String user, UUID patientId) {
        PatientPlan plan = new PatientPlan();
        plan.patientId = patientId;
        plan.clinicId = clinicId;
        apply(plan, DEFAULT, user);
        plan.persist();
        outbox.publish(new ProtocolPlanChanged(UUID.randomUUID(), clinicId, plan.updatedAt, patientId, DEFAULT, user));
    }

    @Transactional
    public ProtocolPlan get(String clinicId, UUID patientId) {
        return toPlan(require(clinicId, patientId));
    }

    @Transactional
    public ProtocolPlan change(String clinicId, String user, UUID patientId, ProtocolPlan changed) {
        refuseIfInconsistent(changed);
        PatientPlan plan = require(clinicId, patientId);
        apply(plan, changed, user);
        outbox.publish(new ProtocolPlanChanged(UUID.randomUUID(), clinicId, plan.updatedAt, patientId, changed, user));
        return changed;
    }

    private PatientPlan require(String clinicId, UUID patientId) {
        patients.require(clinicId, patientId);
        PatientPlan plan = PatientPlan.findById(patientId);
        if (plan == null) {
            throw ProblemException.notFound("Plan", patientId);
        }
        return plan;
    }

    /** The ranges of each value are checked on the request; here, how the values relate. */
    private static void refuseIfInconsistent(ProtocolPlan plan) {
        if (plan.firstTwoWeeksCeilingDegrees() < plan.startAngleDegrees()) {
            throw ProblemException.refused("inconsistent-plan", "firstTwoWeeksCeilingDegrees", "must not be below startAngleDegrees");
        }
        if (plan.maxAngleDegrees() < plan.firstTwoWeeksCeilingDegrees()) {
            throw ProblemException.refused("inconsistent-plan", "maxAngleDegrees", "must not be below firstTwoWeeksCeilingDegrees");
        }
        if (plan.maxHoldSeconds() < plan.startHoldSeconds()) {
            throw ProblemException.refused("inconsistent-plan", "maxHoldSeconds", "must not be below startHoldSeconds");
        }
        if (plan.maxTotalSecondsPerSession() < plan.maxHoldSeconds()) {
            throw ProblemException.refused("inconsistent-plan", "maxTotalSecondsPerSession", "must not be below maxHoldSeconds");
        }
    }

    private void apply(PatientPlan plan, ProtocolPlan values, String user) {
        plan.startAngleDegrees = values.startAngleDegrees();
        plan.startHoldSeconds = values.startHoldSeconds();
        plan.firstTwoWeeksCeilingDegrees = values.firstTwoWeeksCeilingDegrees();
        plan.maxAngleDegrees = values.maxAngleDegrees();
        plan.maxHoldSeconds = values.maxHoldSeconds();
        plan.maxTotalSecondsPerSession = values.maxTotalSecondsPerSession();
        plan.maxSessionsPerWeek = values.maxSessionsPerWeek();
        plan.updatedAt = clock.instant();
        plan.updatedBy = user;
    }

    private static ProtocolPlan toPlan(PatientPlan plan) {
        return new ProtocolPlan(plan.startAngleDegrees, plan.startHoldSeconds, plan.firstTwoWeeksCeilingDegrees, plan.maxAngleDegrees,
                plan.maxHoldSeconds, plan.maxTotalSecondsPerSession, plan.maxSessionsPerWeek);
    }
}
