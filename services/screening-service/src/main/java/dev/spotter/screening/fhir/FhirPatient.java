package dev.spotter.screening.fhir;

import static dev.spotter.platform.fhir.FhirExport.BASE;
import static dev.spotter.platform.fhir.FhirExport.reference;

import dev.spotter.events.screening.ProtocolPlan;
import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.screening.model.Patient;
import dev.spotter.screening.model.PatientPlan;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** The patient as screening-service knows them (pseudonymous id, the name staff see, the clinic) and their protocol plan. */
final class FhirPatient {

    static final String PATIENT_IDS = BASE + "NamingSystem/patient";
    static final String CLINIC_IDS = BASE + "NamingSystem/clinic";

    private FhirPatient() {
    }

    static org.hl7.fhir.r4.model.Patient of(Patient patient) {
        org.hl7.fhir.r4.model.Patient resource = new org.hl7.fhir.r4.model.Patient();
        resource.setId(patient.id.toString());
        resource.addIdentifier(new Identifier().setSystem(PATIENT_IDS).setValue(patient.id.toString()));
        resource.addName(new HumanName().setText(patient.displayName));
        resource.setManagingOrganization(clinic(patient.clinicId));
        return resource;
    }

    /** The clinic by its id; Spotter keeps no Organization of its own. */
    static Reference clinic(String clinicId) {
        return new Reference().setType("Organization").setIdentifier(new Identifier().setSystem(CLINIC_IDS).setValue(clinicId))
                .setDisplay(clinicId);
    }

    /** The plan sessions follow: one activity, inversion sessions within the plan's angle, hold and weekly limits. */
    static CarePlan plan(PatientPlan stored) {
        ProtocolPlan plan = new ProtocolPlan(stored.startAngleDegrees, stored.startHoldSeconds, stored.firstTwoWeeksCeilingDegrees,
                stored.maxAngleDegrees, stored.maxHoldSeconds, stored.maxTotalSecondsPerSession, stored.maxSessionsPerWeek);
        CarePlan carePlan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setId(FhirExport.derivedId(stored.patientId, "plan").toString());
        carePlan.setTitle("Inversion-table therapy protocol plan");
        carePlan.setSubject(new Reference(reference("Patient", stored.patientId)));
        carePlan.setCreatedElement(FhirExport.dateTime(stored.updatedAt));
        carePlan.addActivity().getDetail().setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS)
                .setCode(new CodeableConcept(FhirExport.local("activity", "inversion-session", "Inversion-table session")))
                .setDescription(describe(plan));
        return carePlan;
    }

    private static String describe(ProtocolPlan plan) {
        return "Start at %d degrees for %d s; at most %d degrees in the first two weeks; at most %d degrees, %d s per hold, %d s inverted per session, %d sessions a week."
                .formatted(plan.startAngleDegrees(), plan.startHoldSeconds(), plan.firstTwoWeeksCeilingDegrees(), plan.maxAngleDegrees(),
                        plan.maxHoldSeconds(), plan.maxTotalSecondsPerSession(), plan.maxSessionsPerWeek());
    }
}
