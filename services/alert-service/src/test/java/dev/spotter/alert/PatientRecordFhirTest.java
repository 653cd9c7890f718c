package dev.spotter.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.Priority;
import dev.spotter.events.session.SymptomReported;
import dev.spotter.testing.FhirValidation;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** alert-service's part of a patient's record as FHIR R4: alerts raised by events and paged along the roster, checked by HAPI's validator. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
@WithTestResource(MailServer.class)
class PatientRecordFhirTest {

    private static final WebhookReceiver HOOKS = WebhookReceiver.start();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private TestClinic clinic;
    private UUID patient;

    @BeforeEach
    void aClinicWithAPagerOnCall() {
        clinic = new TestClinic("fhir", bootstrapServers);
        clinic.clinician("dr.primary", Map.of("displayName", "Dr Primary", "webhookUrl", HOOKS.url(clinic.id + "/primary")));
        clinic.settings("dr.primary");
        clinic.asAdmin().post("/api/roster/webhook-secret").then().statusCode(200);
        clinic.onCall("dr.primary", "PRIMARY");
        patient = UUID.randomUUID();
    }

    @AfterAll
    static void stopReceiver() {
        HOOKS.close();
    }

    @Test
    void aResolvedHighAlertAndAnOpenLowOneAreValidFhirR4() {
        UUID chestPain = raise("chest-pain", Priority.HIGH);
        String alert = clinic.alertOf(chestPain).getString("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> clinic.alertOf(chestPain).getList("deliveries.findAll { it.channel == 'webhook' }.lastOutcome")
                .contains("DELIVERED: HTTP 204"));
        given().auth().oauth2(clinic.doctor).post("/api/alerts/{id}/acknowledge", alert).then().statusCode(200);
        given().auth().oauth2(clinic.doctor).contentType(ContentType.JSON).body(Map.of("outcome", "Examined; no cardiac cause found."))
                .post("/api/alerts/{id}/resolve", alert).then().statusCode(200);
        UUID nausea = raise("nausea", Priority.LOW);

        String json = export(clinic.doctor).then().statusCode(200).contentType("application/fhir+json").extract().asString();

        assertThat(FhirValidation.errors(json)).as("validator messages: %s", FhirValidation.messages(json)).isEmpty();
        assertThat(FhirValidation.errors(json.replaceFirst("\"status\":\"completed\",", "")))
                .as("the validator's errors for a CommunicationRequest without its status").isNotEmpty();
        Bundle bundle = FhirValidation.parse(json);
        List<CommunicationRequest> requests = all(bundle, CommunicationRequest.class);
        assertThat(requests).extracting(r -> r.getAbout().getFirst().getReference())
                .containsExactly("Procedure/" + chestPain, "Procedure/" + nausea);
        assertThat(requests).extracting(r -> r.getPriority().toCode()).containsExactly("stat", "routine");
        assertThat(requests).extracting(CommunicationRequest::getStatus).containsExactly(CommunicationRequest.CommunicationRequestStatus.COMPLETED, CommunicationRequest.CommunicationRequestStatus.ACTIVE);
        assertThat(requests).allSatisfy(r -> assertThat(r.getSubject().getReference()).isEqualTo("Patient/" + patient));
        assertThat(requests.getFirst().getNote()).anySatisfy(note -> assertThat(note.getText()).contains("no cardiac cause"));
        List<Communication> pages = all(bundle, Communication.class);
        assertThat(pages).isNotEmpty().allSatisfy(page -> assertThat(page.getBasedOnFirstRep().getReference())
                .isEqualTo("CommunicationRequest/" + alert));
        assertThat(pages).extracting(page -> page.getMediumFirstRep().getCodingFirstRep().getCode()).contains("console", "webhook");
        assertThat(pages).filteredOn(page -> "webhook".equals(page.getMediumFirstRep().getCodingFirstRep().getCode()))
                .allSatisfy(page -> {
                    assertThat(page.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
                    assertThat(page.getNoteFirstRep().getText()).contains("Attempt 1: DELIVERED");
                    assertThat(page.getRecipientFirstRep().getDisplay()).isEqualTo("dr.primary");
                });
        assertThat(json).doesNotContain(HOOKS.url(clinic.id + "/primary"));
    }

    @Test
    void aClinicAdminMayExportButATabletMayNot() {
        raise("nausea", Priority.LOW);
        export(clinic.admin).then().statusCode(200);
        export(TestTokens.issue("tablet.fhir", clinic.id, "tablet")).then().statusCode(403);
    }

    @Test
    void anotherClinicSeesNoneOfThePatientsAlerts() {
        UUID session = raise("chest-pain", Priority.HIGH);
        String alert = clinic.alertOf(session).getString("id");

        String json = export(TestTokens.issue("dr.river", "riverside", "clinician")).then().statusCode(200).extract().asString();
        assertThat(FhirValidation.parse(json).getEntry()).isEmpty();
        assertThat(json).doesNotContain(alert).doesNotContain(session.toString()).doesNotContain(patient.toString());
    }

    private Response export(String token) {
        return given().auth().oauth2(token).accept("application/fhir+json").when().get("/api/alerts/patients/{id}/fhir", patient);
    }

    /** A stop-symptom of the patient in a new session; returns the session once its alert is raised. */
    private UUID raise(String code, Priority priority) {
        UUID session = UUID.randomUUID();
        new KafkaTestClient(bootstrapServers).send(TestEvents.encode(new SymptomReported(UUID.randomUUID(), clinic.id, Instant.now(),
                session, patient, UUID.randomUUID(), code, List.of(), priority, true, "tablet-test")));
        await().atMost(Duration.ofSeconds(20)).until(() -> clinic.alertOf(session) != null);
        return session;
    }

    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }
}
