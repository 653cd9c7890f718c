package dev.spotter.session.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.events.screening.PatientEligibility;
import dev.spotter.events.screening.PatientRegistered;
import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.events.screening.ScreeningEvent;
import dev.spotter.events.screening.ScreeningReason;
import dev.spotter.platform.inbox.RejectedEventException;
import dev.spotter.platform.problem.ProblemException;
import dev.spotter.session.model.KnownPatient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Keeps session-service's view of each patient from screening-service's events: clinic, eligibility, plan. */
@ApplicationScoped
public class ScreeningViewService {

    @Inject
    ObjectMapper json;

    /** screening-service registered a patient: sessions may start for them in that clinic once they are cleared. */
    public void onPatientRegistered(PatientRegistered registered) {
        KnownPatient known = KnownPatient.findById(registered.patientId());
        if (known != null) {
            requireSameClinic(known, registered);
            return;
        }
        known = new KnownPatient();
        known.patientId = registered.patientId();
        known.clinicId = registered.clinicId();
        known.registeredAt = registered.occurredAt();
        known.persist();
    }

    /** A screening, clearance or expiry changed whether the patient may start: keep the latest word. */
    public void onEligibility(ScreeningEvent event, PatientEligibility eligibility) {
        KnownPatient known = patientOf(event);
        known.eligible = eligibility.eligible();
        known.effectiveOutcome = eligibility.effectiveOutcome();
        known.blockingReasons = write(eligibility.blockingReasons());
        known.eligibleUntil = eligibility.eligibleUntil();
        known.bpCeilingSystolic = eligibility.bpCeilingSystolic();
        known.bpCeilingDiastolic = eligibility.bpCeilingDiastolic();
        known.bpAllowedUpTo = eligibility.bpAllowedUpTo();
        known.eligibilityUpdatedAt = event.occurredAt();
    }

    public void onPlan(ScreeningEvent event, ProtocolPlan plan) {
        patientOf(event).plan = write(plan);
    }

    /** The eligibility as last received, or null when the patient was never screened. */
    public PatientEligibility eligibilityOf(KnownPatient known) {
        if (known.effectiveOutcome == null) {
            return null;
        }
        return new PatientEligibility(known.eligible, known.effectiveOutcome, read(known.blockingReasons, new TypeReference<List<ScreeningReason>>() { }),
                known.eligibleUntil, known.bpCeilingSystolic, known.bpCeilingDiastolic, known.bpAllowedUpTo);
    }

    public ProtocolPlan planOf(KnownPatient known) {
        return known.plan == null ? null : read(known.plan, new TypeReference<ProtocolPlan>() { });
    }

    /** The plan, or a 409 telling staff to have one set. */
    public ProtocolPlan requirePlan(KnownPatient known) {
        ProtocolPlan plan = planOf(known);
        if (plan == null) {
            throw ProblemException.conflict("no-plan", "No protocol plan", "The patient has no protocol plan: ask a clinician to set one.");
        }
        return plan;
    }

    private KnownPatient patientOf(ScreeningEvent event) {
        KnownPatient known = KnownPatient.findById(event.patientId());
        if (known == null) {
            throw new RejectedEventException("patient " + event.patientId() + " was never registered");
        }
        requireSameClinic(known, event);
        return known;
    }

    private static void requireSameClinic(KnownPatient known, ScreeningEvent event) {
        if (!known.clinicId.equals(event.clinicId())) {
            throw new RejectedEventException("patient " + event.patientId() + " belongs to another clinic than " + event.clinicId());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored value", e);
        }
    }
}
