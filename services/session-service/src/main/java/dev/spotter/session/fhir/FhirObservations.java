package dev.spotter.session.fhir;

import static dev.spotter.platform.fhir.FhirExport.reference;

import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.session.domain.Symptom;
import dev.spotter.session.model.Session;
import dev.spotter.session.model.SessionSymptom;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * The observations of a session: blood pressure (LOINC panel 85354-9 with systolic 8480-6 and diastolic 8462-4), heart
 * rate (8867-4), pain (72514-3), each symptom (75325-1, valued in SNOMED CT), and each angle and hold (local codes).
 */
final class FhirObservations {

    static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";
    /** Spotter's code system for what LOINC has no code for: the table's angle and a hold's duration. */
    static final String LOCAL = "observation";

    private FhirObservations() {
    }

    static Observation bloodPressure(Session session, String when, Instant at, int systolic, int diastolic) {
        Observation observation = vitalSign(session, "blood-pressure-" + when, at, "85354-9", "Blood pressure panel with all children optional",
                "bp");
        observation.addComponent().setCode(loinc("8480-6", "Systolic blood pressure")).setValue(mmHg(systolic));
        observation.addComponent().setCode(loinc("8462-4", "Diastolic blood pressure")).setValue(mmHg(diastolic));
        return observation;
    }

    static Observation heartRate(Session session, String when, Instant at, int beatsPerMinute) {
        return vitalSign(session, "heart-rate-" + when, at, "8867-4", "Heart rate", "heartrate")
                .setValue(new Quantity().setValue(beatsPerMinute).setUnit("/min").setSystem(FhirExport.UCUM).setCode("/min"));
    }

    /** Pain on the 0-10 numeric rating scale, before or after the session. */
    static Observation pain(Session session, String when, Instant at, int score) {
        return observation(session, FhirExport.derivedId(session.id, "pain-" + when), "survey", at)
                .setCode(loinc("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"))
                .setValue(new IntegerType(score));
    }

    /** A symptom logged in the session: LOINC 75325-1, valued by the symptom's SNOMED CT concept (a local code when it has none). */
    static Observation symptom(Session session, SessionSymptom logged) {
        Observation observation = observation(session, logged.id, "exam", logged.reportedAt)
                .setCode(loinc("75325-1", "Symptom"));
        observation.setValue(symptomValue(logged.code));
        observation.addNote().setText("Stop-symptom; alert priority " + logged.priority);
        return observation;
    }

    static CodeableConcept symptomValue(String code) {
        return Symptom.byCode(code).map(symptom -> {
            CodeableConcept value = new CodeableConcept().setText(symptom.label());
            // the first concept is the finding; a second one (sudden onset) qualifies it and is kept in the text only
            value.addCoding(symptom.snomedCodes().isEmpty() ? FhirExport.local("symptom", symptom.code(), symptom.label())
                    : new Coding(FhirExport.SNOMED, symptom.snomedCodes().getFirst(), symptom.label()));
            return value;
        }).orElseGet(() -> new CodeableConcept(FhirExport.local("symptom", code, code)).setText(code));
    }

    /** The table's angle from the moment a hold began or the angle changed. */
    static Observation angle(Session session, UUID entryId, Instant at, int degrees) {
        return observation(session, entryId, "procedure", at)
                .setCode(new CodeableConcept(FhirExport.local(LOCAL, "inversion-angle", "Inversion angle")))
                .setValue(new Quantity().setValue(degrees).setUnit("deg").setSystem(FhirExport.UCUM).setCode("deg"));
    }

    /** How long one hold lasted, from the hold's start until the patient came upright. */
    static Observation hold(Session session, UUID entryId, Instant start, Instant end) {
        Observation observation = observation(session, entryId, "procedure", start)
                .setCode(new CodeableConcept(FhirExport.local(LOCAL, "inversion-hold", "Inversion hold duration")))
                .setValue(new Quantity().setValue(end.getEpochSecond() - start.getEpochSecond()).setUnit("s")
                        .setSystem(FhirExport.UCUM).setCode("s"));
        observation.setEffective(new Period().setStartElement(FhirExport.dateTime(start)).setEndElement(FhirExport.dateTime(end)));
        return observation;
    }

    /** A vital sign that claims the base specification's profile for it, so a validator checks it against that too. */
    private static Observation vitalSign(Session session, String part, Instant at, String code, String display, String profile) {
        Observation observation = observation(session, FhirExport.derivedId(session.id, part), "vital-signs", at).setCode(loinc(code, display));
        observation.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/" + profile);
        return observation;
    }

    private static Observation observation(Session session, UUID id, String category, Instant at) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.setId(id.toString());
        observation.addCategory(new CodeableConcept(new Coding(CATEGORIES, category, null)));
        observation.setSubject(new Reference(reference("Patient", session.patientId)));
        observation.addPartOf(new Reference(reference("Procedure", session.id)));
        observation.setEffective(FhirExport.dateTime(at));
        return observation;
    }

    private static CodeableConcept loinc(String code, String display) {
        return new CodeableConcept(new Coding(FhirExport.LOINC, code, display));
    }

    private static Quantity mmHg(int value) {
        return new Quantity().setValue(value).setUnit("mmHg").setSystem(FhirExport.UCUM).setCode("mm[Hg]");
    }
}
