package dev.spotter.screening.fhir;

import static dev.spotter.platform.fhir.FhirExport.reference;

import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.screening.model.PhysicianClearance;
import java.time.LocalDate;
import java.util.Arrays;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A physician's clearance as a Consent of scope treatment: the physician (performer) permits inversion-table therapy
 * despite the screening reasons it names (provision codes), from the day it is issued until it expires.
 */
final class FhirClearance {

    static final String PHYSICIAN_IDS = FhirExport.BASE + "NamingSystem/physician";

    private FhirClearance() {
    }

    static Consent of(PhysicianClearance clearance, LocalDate today) {
        boolean valid = !today.isBefore(clearance.issuedOn) && today.isBefore(clearance.expiresOn);
        Consent consent = new Consent().setStatus(valid ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
        consent.setId(clearance.id.toString());
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope", "treatment", "Treatment")));
        consent.addCategory(new CodeableConcept(new Coding(FhirExport.LOINC, "59284-0", "Patient Consent")));
        consent.setPatient(new Reference(reference("Patient", clearance.patientId)));
        consent.setDateTimeElement(FhirExport.dateTime(clearance.recordedAt));
        consent.addPerformer(new Reference().setType("Practitioner").setDisplay(clearance.physicianName)
                .setIdentifier(new Identifier().setSystem(PHYSICIAN_IDS).setValue(clearance.physicianId)));
        consent.addOrganization(FhirPatient.clinic(clearance.clinicId));
        consent.setPolicyRule(new CodeableConcept(FhirExport.local("clearance", "physician-clearance",
                "Physician's clearance for inversion-table therapy")).setText(ceiling(clearance)));
        Consent.ProvisionComponent provision = consent.getProvision().setType(Consent.ConsentProvisionType.PERMIT)
                .setPeriod(new Period().setStartElement(new DateTimeType(clearance.issuedOn.toString()))
                        .setEndElement(new DateTimeType(clearance.expiresOn.minusDays(1).toString())));
        Arrays.stream(clearance.scope.split(",")).map(String::strip).filter(rule -> !rule.isEmpty()).forEach(rule -> provision.addCode(
                new CodeableConcept(FhirExport.local(FhirScreening.RULES, rule, "Screening question " + rule))));
        return consent;
    }

    private static String ceiling(PhysicianClearance clearance) {
        return clearance.bpCeilingSystolic == null ? "No blood pressure ceiling"
                : "Blood pressure ceiling %d/%d mmHg".formatted(clearance.bpCeilingSystolic, clearance.bpCeilingDiastolic);
    }
}
