package dev.spotter.screening.fhir;

import static dev.spotter.platform.fhir.FhirExport.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.platform.fhir.FhirExport;
import dev.spotter.screening.domain.Outcome;
import dev.spotter.screening.domain.Questionnaire;
import dev.spotter.screening.domain.Questionnaire.Question;
import dev.spotter.screening.domain.Reason;
import dev.spotter.screening.model.Screening;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * One screening as FHIR: the answers as a QuestionnaireResponse to the screening Questionnaire, and each reason of its
 * outcome as a DetectedIssue (the finding, with its rule and severity) and a Flag (the warning staff see on the patient).
 */
final class FhirScreening {

    static final String QUESTIONNAIRE = "urn:spotter:questionnaire:screening";
    static final String RULES = "screening-rule";

    private FhirScreening() {
    }

    /** The resources of one screening; its flags are active while it is the patient's latest screening and still valid. */
    static List<Resource> of(Screening screening, JsonNode answers, List<Reason> reasons, boolean current) {
        List<Resource> resources = new ArrayList<>();
        resources.add(response(screening, answers));
        for (int i = 0; i < reasons.size(); i++) {
            DetectedIssue issue = issue(screening, reasons.get(i), i);
            resources.add(issue);
            resources.add(flag(screening, reasons.get(i), i, issue, current));
        }
        return resources;
    }

    static QuestionnaireResponse response(Screening screening, JsonNode answers) {
        QuestionnaireResponse response = new QuestionnaireResponse().setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setId(screening.id.toString());
        response.setQuestionnaire(QUESTIONNAIRE + "|" + screening.questionnaireVersion);
        response.setSubject(patient(screening));
        response.setAuthoredElement(FhirExport.dateTime(screening.completedAt));
        response.setAuthor(new Reference().setDisplay(screening.completedBy));
        Questionnaire.QUESTIONS.forEach(question -> item(question, answers).ifPresent(response::addItem));
        return response;
    }

    private static Optional<QuestionnaireResponseItemComponent> item(Question question, JsonNode answers) {
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(question.id()).setText(question.text());
        switch (question.type()) {
            case YES_NO, WEIGHT -> answer(item, answers.get(question.fields().getFirst()));
            case BLOOD_PRESSURE -> bloodPressure(item, question, answers.get("bloodPressure"));
            default -> question.fields().forEach(field -> part(item, question.id() + "." + field, answers.get(field)));
        }
        return item.hasAnswer() || item.hasItem() ? Optional.of(item) : Optional.empty();
    }

    private static void bloodPressure(QuestionnaireResponseItemComponent item, Question question, JsonNode reading) {
        for (String which : List.of("first", "recheck")) {
            JsonNode pressure = reading == null ? null : reading.get(which);
            if (pressure != null && !pressure.isNull()) {
                part(item, question.id() + "." + which + ".systolic", pressure.get("systolic"));
                part(item, question.id() + "." + which + ".diastolic", pressure.get("diastolic"));
            }
        }
    }

    private static void part(QuestionnaireResponseItemComponent group, String linkId, JsonNode value) {
        QuestionnaireResponseItemComponent part = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        answer(part, value);
        if (part.hasAnswer()) {
            group.addItem(part);
        }
    }

    /** A JSON answer as FHIR answers: a yes/no, a number, a date (the Questionnaire's date fields), text, or a list of texts. */
    private static void answer(QuestionnaireResponseItemComponent item, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(element -> answer(item, element));
            return;
        }
        item.addAnswer().setValue(valueOf(value));
    }

    private static Type valueOf(JsonNode value) {
        if (value.isBoolean()) {
            return new BooleanType(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return new IntegerType(value.intValue());
        }
        if (value.isNumber()) {
            return new DecimalType(value.decimalValue());
        }
        String text = value.asText();
        return isDate(text) ? FhirExport.date(LocalDate.parse(text)) : new StringType(text);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static DetectedIssue issue(Screening screening, Reason reason, int index) {
        DetectedIssue issue = new DetectedIssue().setStatus(DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setId(FhirExport.derivedId(screening.id, "issue-" + index).toString());
        issue.setCode(rule(reason));
        issue.setSeverity(severity(reason));
        issue.setPatient(patient(screening));
        issue.setIdentified(FhirExport.dateTime(screening.completedAt));
        issue.setDetail(outcomeText(reason) + ": " + reason.text());
        DetectedIssue.DetectedIssueEvidenceComponent evidence = issue.addEvidence();
        reason.snomedCodes().forEach(code -> evidence.addCode(new CodeableConcept(new Coding(FhirExport.SNOMED, code, null))));
        evidence.addDetail(new Reference(reference("QuestionnaireResponse", screening.id)));
        return issue;
    }

    static Flag flag(Screening screening, Reason reason, int index, DetectedIssue issue, boolean current) {
        Flag flag = new Flag().setStatus(current ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.setId(FhirExport.derivedId(screening.id, "flag-" + index).toString());
        flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
        CodeableConcept code = new CodeableConcept().setText(outcomeText(reason) + ": " + reason.text());
        reason.snomedCodes().forEach(snomed -> code.addCoding(new Coding(FhirExport.SNOMED, snomed, null)));
        code.addCoding(rule(reason).getCodingFirstRep());
        flag.setCode(code);
        flag.setSubject(patient(screening));
        flag.setPeriod(new Period().setStartElement(FhirExport.dateTime(screening.completedAt))
                .setEndElement(new DateTimeType(screening.validUntil.toString())));
        flag.setAuthor(new Reference().setDisplay("Spotter screening rules"));
        return flag;
    }

    private static CodeableConcept rule(Reason reason) {
        return new CodeableConcept(FhirExport.local(RULES, reason.ruleId(), "Screening question " + reason.ruleId()));
    }

    private static DetectedIssue.DetectedIssueSeverity severity(Reason reason) {
        return switch (reason.outcome()) {
            case CONTRAINDICATED -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case NEEDS_CLEARANCE -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            case CLEARED -> DetectedIssue.DetectedIssueSeverity.LOW;
        };
    }

    private static String outcomeText(Reason reason) {
        return reason.outcome() == Outcome.CLEARED ? "Warning" : reason.urgent() ? "CONTRAINDICATED (urgent)" : reason.outcome().name();
    }

    private static Reference patient(Screening screening) {
        return new Reference(reference("Patient", screening.patientId));
    }
}
