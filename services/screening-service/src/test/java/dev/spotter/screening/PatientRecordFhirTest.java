package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.testing.FhirValidation;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/** screening-service's part of a patient's record as FHIR R4, built through the API and checked by HAPI's validator. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class PatientRecordFhirTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String RIVER_CLINICIAN = TestTokens.issue("dr.river", "riverside", "clinician");

    @Test
    void aScreenedAndClearedPatientsRecordIsValidFhirR4() {
        String patient = register("Hana Hypertensive");
        screen(patient, Map.of("glaucoma", true, "bloodThinners", true, "bloodThinnerNames", List.of("apixaban")));
        screen(patient, Map.of("hypertension", true, "bloodPressure", bp(134, 84)));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(Map.of("physicianName", "Dr Ada Byrne", "physicianId", "GMC-7654321", "issuedOn", today().minusDays(1).toString(),
                        "scope", List.of("S6", "S7"), "bpCeilingSystolic", 160, "bpCeilingDiastolic", 100,
                        "expiresOn", today().plusDays(60).toString()))
                .when().post("/api/patients/{id}/clearances", patient).then().statusCode(201);

        String json = export(patient, CLINICIAN).then().statusCode(200).contentType("application/fhir+json").extract().asString();

        assertThat(FhirValidation.errors(json)).as("validator messages: %s", FhirValidation.messages(json)).isEmpty();
        assertThat(FhirValidation.errors(json.replaceFirst("\"status\":\"completed\",", "")))
                .as("the validator's errors for a QuestionnaireResponse without its status").isNotEmpty();
        Bundle bundle = FhirValidation.parse(json);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        Patient fhirPatient = only(bundle, Patient.class);
        assertThat(fhirPatient.getIdPart()).isEqualTo(patient);
        assertThat(fhirPatient.getNameFirstRep().getText()).isEqualTo("Hana Hypertensive");
        List<QuestionnaireResponse> responses = all(bundle, QuestionnaireResponse.class);
        assertThat(responses).hasSize(2).allSatisfy(response -> {
            assertThat(response.getQuestionnaire()).isEqualTo("urn:spotter:questionnaire:screening|1");
            assertThat(response.getSubject().getReference()).isEqualTo("Patient/" + patient);
            assertThat(response.getItem()).extracting(item -> item.getLinkId()).contains("S1", "S7", "S13", "S14");
        });
        assertThat(responses).anySatisfy(response -> assertThat(answerOf(response, "S2")).isEqualTo("true"));
        assertThat(all(bundle, DetectedIssue.class)).anySatisfy(issue -> {
            assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
            assertThat(issue.getEvidenceFirstRep().getCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("23986001");
        }).anySatisfy(issue -> assertThat(issue.getCode().getCodingFirstRep().getCode()).isEqualTo("S6"));
        List<Flag> flags = all(bundle, Flag.class);
        assertThat(flags).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.ACTIVE)
                .extracting(flag -> flag.getCode().getCoding().getLast().getCode()).contains("S6").doesNotContain("S2");
        assertThat(flags).filteredOn(flag -> flag.getStatus() == Flag.FlagStatus.INACTIVE)
                .extracting(flag -> flag.getCode().getCoding().getLast().getCode()).contains("S2", "S8");
        Consent clearance = only(bundle, Consent.class);
        assertThat(clearance.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(clearance.getProvision().getCode()).extracting(code -> code.getCodingFirstRep().getCode()).containsExactly("S6", "S7");
        assertThat(clearance.getPerformerFirstRep().getIdentifier().getValue()).isEqualTo("GMC-7654321");
        assertThat(clearance.getPolicyRule().getText()).contains("160/100");
        assertThat(all(bundle, org.hl7.fhir.r4.model.CarePlan.class)).hasSize(1);
    }

    @Test
    void aClinicAdminMayExportButATabletMayNot() {
        String patient = register("Tom Tablet");
        export(patient, ADMIN).then().statusCode(200);
        export(patient, TABLET).then().statusCode(403);
    }

    @Test
    void anotherClinicsPatientIsA404ThatShowsNothingOfThem() {
        String patient = register("Rita Northside");
        screen(patient, Map.of("hernia", true));

        String body = export(patient, RIVER_CLINICIAN).then().statusCode(404).extract().asString();
        assertThat(body).doesNotContain("Rita Northside").doesNotContain("Flag").doesNotContain("resourceType");
    }

    private static Response export(String patient, String token) {
        return given().auth().oauth2(token).accept("application/fhir+json").when().get("/api/patients/{id}/fhir", patient);
    }

    private static String register(String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("displayName", name))
                .when().post("/api/patients").then().statusCode(201).extract().path("id");
    }

    private static void screen(String patient, Map<String, Object> overrides) {
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(ScreeningApiTest.answers(overrides))
                .when().post("/api/patients/{id}/screenings", patient).then().statusCode(201);
    }

    private static Map<String, Object> bp(int systolic, int diastolic) {
        return Map.of("first", Map.of("systolic", systolic, "diastolic", diastolic,
                "takenAt", Instant.now().minus(Duration.ofMinutes(10)).toString()));
    }

    private static String answerOf(QuestionnaireResponse response, String linkId) {
        return response.getItem().stream().filter(item -> item.getLinkId().equals(linkId)).findFirst().orElseThrow()
                .getAnswerFirstRep().getValue().primitiveValue();
    }

    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> found = all(bundle, type);
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.getFirst();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
