package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.testing.FhirValidation;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** session-service's part of a patient's record as FHIR R4: sessions logged through the tablet's API, checked by HAPI's validator. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class PatientRecordFhirTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String RIVER_CLINICIAN = TestTokens.issue("dr.river", "riverside", "clinician");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    private UUID patient;

    @BeforeEach
    void registerAClearedPatient() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        patient = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening("northside", patient, Instant.now().plus(Duration.ofDays(30)))));
    }

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aCompletedSessionAndOneStoppedByASymptomAreValidFhirR4() {
        String completed = startSession();
        hold(completed, 20);
        advanceInverted(completed, Duration.ofSeconds(30));
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", 25))
                .when().put("/api/sessions/{id}/angle", completed).then().statusCode(200);
        advanceInverted(completed, Duration.ofSeconds(30));
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/upright", completed).then().statusCode(200);
        clock.advance(Duration.ofMinutes(3));
        postCheck(completed);
        String stopped = startSession();
        hold(stopped, 20);
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("code", "sudden-headache"))
                .when().post("/api/sessions/{id}/symptoms", stopped).then().statusCode(201);

        String json = export(CLINICIAN).then().statusCode(200).contentType("application/fhir+json").extract().asString();

        assertThat(FhirValidation.errors(json)).as("validator messages: %s", FhirValidation.messages(json)).isEmpty();
        assertThat(FhirValidation.errors(json.replaceFirst("\"code\":\"vital-signs\"", "\"code\":\"exam\"")))
                .as("the validator's errors for a blood pressure not in the vital signs category of its profile").isNotEmpty();
        Bundle bundle = FhirValidation.parse(json);
        List<Procedure> procedures = all(bundle, Procedure.class);
        assertThat(procedures).extracting(p -> p.getIdPart()).containsExactly(completed, stopped);
        assertThat(procedures).extracting(Procedure::getStatus)
                .containsExactly(Procedure.ProcedureStatus.COMPLETED, Procedure.ProcedureStatus.STOPPED);
        assertThat(procedures).allSatisfy(p -> {
            assertThat(p.getPerformerFirstRep().getActor().getDisplay()).isEqualTo("Sam Spotter");
            assertThat(p.getPerformerFirstRep().getFunction().getCodingFirstRep().getCode()).isEqualTo("spotter");
            assertThat(p.getSubject().getReference()).isEqualTo("Patient/" + patient);
        });
        List<Observation> observations = all(bundle, Observation.class);
        List<Observation> pressures = withCode(observations, "85354-9");
        assertThat(pressures).hasSize(3); // before both sessions, after the completed one
        assertThat(pressures).allSatisfy(bp -> {
            assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode()).containsExactly("8480-6", "8462-4");
            assertThat(bp.getComponent()).allSatisfy(c -> assertThat(c.getValueQuantity().getCode()).isEqualTo("mm[Hg]"));
            assertThat(bp.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly("http://hl7.org/fhir/StructureDefinition/bp");
        });
        assertThat(pressures.getFirst().getComponentFirstRep().getValueQuantity().getValue()).isEqualByComparingTo(BigDecimal.valueOf(122));
        assertThat(withCode(observations, "72514-3")).extracting(o -> o.getValueIntegerType().getValue()).containsExactly(4, 3, 4);
        assertThat(withCode(observations, "8867-4")).hasSize(3);
        Observation symptom = withCode(observations, "75325-1").getFirst();
        assertThat(symptom.getValueCodeableConcept().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(symptom.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("25064002");
        assertThat(symptom.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + stopped);
        assertThat(withCode(observations, "inversion-angle")).extracting(o -> o.getValueQuantity().getValue().intValue())
                .containsExactly(20, 25, 20);
        List<Observation> holds = withCode(observations, "inversion-hold");
        assertThat(holds).extracting(Observation::getValueQuantity).extracting(Quantity::getCode).containsOnly("s");
        assertThat(holds.getFirst().getValueQuantity().getValue().intValue()).as("60 s on the clock, and the requests' own time").isBetween(60, 70);
        assertThat(withCode(observations, "inversion-angle").getFirst().getCode().getCodingFirstRep().getSystem())
                .isEqualTo("https://spotter.dev/fhir/CodeSystem/observation");
    }

    @Test
    void aClinicAdminMayExportButATabletMayNot() {
        startSession();
        export(ADMIN).then().statusCode(200);
        export(TABLET).then().statusCode(403);
    }

    @Test
    void anotherClinicsPatientIsA404ThatShowsNothingOfThem() {
        String session = startSession();

        String body = export(RIVER_CLINICIAN).then().statusCode(404).extract().asString();
        assertThat(body).doesNotContain(session).doesNotContain("Procedure").doesNotContain("Sam Spotter");
    }

    private Response export(String token) {
        return given().auth().oauth2(token).accept("application/fhir+json").when().get("/api/courses/{id}/fhir", patient);
    }

    /** Starts a session once the patient's registration, plan and screening have arrived from the screening topic. */
    private String startSession() {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response response = given().auth().oauth2(TABLET).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure",
                            Map.of("systolic", 122, "diastolic", 76), "heartRate", 72, "painBefore", 4))
                    .when().post("/api/sessions");
            id[0] = response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private static void hold(String session, int angle) {
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(Map.of("angleDegrees", angle))
                .when().post("/api/sessions/{id}/holds", session).then().statusCode(200);
    }

    /** Moves time on while the patient is inverted, with the tablet's heartbeat, so no watchdog falls due. */
    private void advanceInverted(String session, Duration amount) {
        clock.advance(amount);
        given().auth().oauth2(TABLET).when().post("/api/sessions/{id}/heartbeat", session).then().statusCode(204);
    }

    private static void postCheck(String session) {
        given().auth().oauth2(TABLET).contentType(ContentType.JSON)
                .body(Map.of("bloodPressure", Map.of("systolic", 118, "diastolic", 74), "heartRate", 70, "painAfter", 3,
                        "spotterSignOff", "Sam Spotter"))
                .when().post("/api/sessions/{id}/post-check", session).then().statusCode(200);
    }

    private static List<Observation> withCode(List<Observation> observations, String code) {
        return observations.stream().filter(o -> code.equals(o.getCode().getCodingFirstRep().getCode())).toList();
    }

    private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
    }
}
