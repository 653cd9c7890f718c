package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spotter.testing.FhirValidation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A patient's whole record as FHIR R4: the three services' parts, each read as the clinic's clinician, merged as
 * docs/fhir.md tells (one collection Bundle of every part's entries) and checked by HAPI's validator: every part is
 * there, and the references from one part to another resolve inside the one Bundle.
 */
class FhirRecordEndToEndIT {

    private static Platform platform;
    private static Clinic clinic;
    private static Clinic.Records records;

    @BeforeAll
    static void recordOneOfEverything() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform, "bayside", "bay");
        records = clinic.recordOneOfEverything();
    }

    @Test
    void theThreePartsMergeIntoOneValidBundleWhoseReferencesResolve() throws Exception {
        String patient = records.patient();
        // the alert-service part once the alert's page has been recorded
        await().atMost(Duration.ofSeconds(10)).until(() -> part(platform.alert.uri("/api/alerts/patients/" + patient + "/fhir"))
                .contains("\"Communication\""));
        String merged = merge(List.of(
                part(platform.screening.uri("/api/patients/" + patient + "/fhir")),
                part(platform.session.uri("/api/courses/" + patient + "/fhir")),
                part(platform.alert.uri("/api/alerts/patients/" + patient + "/fhir"))));

        assertThat(FhirValidation.errors(merged)).as("validator messages: %s", FhirValidation.messages(merged)).isEmpty();
        Bundle bundle = FhirValidation.parse(merged);
        Set<String> types = bundle.getEntry().stream().map(entry -> entry.getResource().fhirType()).collect(Collectors.toSet());
        assertThat(types).contains("Patient", "QuestionnaireResponse", "DetectedIssue", "Flag", "Consent", "CarePlan", "Procedure",
                "Observation", "CommunicationRequest", "Communication");
        Set<String> present = bundle.getEntry().stream().map(entry -> entry.getResource().fhirType() + "/" + entry.getResource().getIdPart())
                .collect(Collectors.toSet());
        bundle.getEntry().forEach(entry -> {
            if (entry.getResource() instanceof Procedure procedure) {
                assertThat(present).contains(procedure.getSubject().getReference());
            } else if (entry.getResource() instanceof Observation observation) {
                assertThat(present).contains(observation.getSubject().getReference(), observation.getPartOfFirstRep().getReference());
            } else if (entry.getResource() instanceof CommunicationRequest request) {
                assertThat(present).contains(request.getSubject().getReference(), request.getAboutFirstRep().getReference());
            }
        });
        assertThat(present).contains("Procedure/" + records.stoppedSession(), "CommunicationRequest/" + records.alert(),
                "Patient/" + patient);
        assertThat(merged).contains("\"85354-9\"", "\"29857009\"", "\"stat\"");
    }

    @Test
    void anotherClinicsClinicianGetsNothingOfThePatientFromAnyPart() throws Exception {
        String patient = records.patient();
        String riverClinician = Clinic.RIVER_CLINICIAN;
        for (URI uri : List.of(platform.screening.uri("/api/patients/" + patient + "/fhir"),
                platform.session.uri("/api/courses/" + patient + "/fhir"))) {
            assertThat(Http.exchange("GET", uri, riverClinician, null).status()).as("%s", uri).isEqualTo(404);
        }
        Http.Raw alerts = Http.exchange("GET", platform.alert.uri("/api/alerts/patients/" + patient + "/fhir"), riverClinician, null);
        assertThat(alerts.status()).isEqualTo(200);
        assertThat(FhirValidation.parse(alerts.body()).getEntry()).isEmpty();
    }

    private static String part(URI uri) throws Exception {
        Http.Raw answer = Http.exchange("GET", uri, clinic.tokens.get("clinician"), null);
        assertThat(answer.status()).as("%s: %s", uri, answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/fhir+json");
        return answer.body();
    }

    /** One collection Bundle holding every entry of the parts, as docs/fhir.md describes. */
    private static String merge(List<String> parts) throws Exception {
        ObjectNode bundle = Http.JSON.createObjectNode().put("resourceType", "Bundle").put("type", "collection");
        ArrayNode entries = bundle.putArray("entry");
        for (String part : parts) {
            JsonNode entry = Http.JSON.readTree(part).get("entry");
            if (entry != null) {
                entries.addAll((ArrayNode) entry);
            }
        }
        return Http.JSON.writeValueAsString(bundle);
    }
}
