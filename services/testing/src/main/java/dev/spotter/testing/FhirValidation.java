package dev.spotter.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;

/**
 * HAPI's instance validator against the base FHIR R4 profiles (no terminology server: LOINC and SNOMED CT codes are
 * not looked up), for the tests of the patient record exports. Built once per JVM: it loads every R4 definition.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {
    }

    /** The Bundle parsed from the export's JSON text. */
    public static Bundle parse(String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    /** Every ERROR and FATAL message the validator gives for the JSON text, each as {@code severity location: message}. */
    public static List<String> errors(String json) {
        return validator().validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(FhirValidation::describe).toList();
    }

    /** Every message of the validator, whatever its severity, for a failure's report. */
    public static List<String> messages(String json) {
        return validator().validateWithResult(json).getMessages().stream().map(FhirValidation::describe).toList();
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4Cached();
            ValidationSupportChain support = new ValidationSupportChain(
                    new DefaultProfileValidationSupport(context),
                    new CommonCodeSystemsTerminologyService(context),
                    new InMemoryTerminologyServerValidationSupport(context),
                    new SnapshotGeneratingValidationSupport(context));
            validator = context.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(support));
        }
        return validator;
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
