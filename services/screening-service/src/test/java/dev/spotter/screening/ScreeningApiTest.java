package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Topics;
import dev.spotter.screening.service.ClearanceService;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Screening through the API, on the real database and broker: outcomes, urgent findings, clearances, plans, settings. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class ScreeningApiTest {

    private static final String TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String CLINICIAN = TestTokens.issue("dr.north", "northside", "clinician");
    private static final String ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String RIVER_ADMIN = TestTokens.issue("admin.river", "riverside", "clinic-admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TestClock clock;

    @Inject
    ClearanceService clearances;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void aPatientWithNothingToReportIsClearedAndMayStartSessions() {
        String patient = register("Clara Clear");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of()))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201)
                .body("outcome", equalTo("CLEARED")).body("reasons", hasSize(0))
                .body("eligibility.eligible", equalTo(true))
                .body("validUntil", equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString()));

        assertThat(eventTypesOf(patient)).contains("dev.spotter.screening.patient-registered.v1",
                "dev.spotter.screening.protocol-plan-changed.v1", "dev.spotter.screening.screening-completed.v1");
    }

    @Test
    void unansweredQuestionsAreA400NamingEachQuestion() {
        String patient = register("Una Answered");
        Map<String, Object> body = answers(Map.of());
        body.remove("pregnant");
        body.remove("neurologicalRedFlags");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(body)
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("pregnant")).body("errors.message", hasItem("S1: an answer is required"))
                .body("errors.field", hasItem("neurologicalRedFlags"));
    }

    @Test
    void anImplausibleBloodPressureIsA400NamingS7AndNothingIsSaved() {
        String patient = register("Bea Pressure");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON)
                .body(answers(Map.of("bloodPressure", bp(40, 70, null))))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(400).body("errors[0].field", equalTo("bloodPressure.first.systolic"))
                .body("errors[0].message", containsString("S7"));

        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/screenings", patient).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void redFlagsAreContraindicatedAndRaiseAnUrgentFinding() {
        String patient = register("Rex Redflag");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("neurologicalRedFlags", true)))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201).body("outcome", equalTo("CONTRAINDICATED"))
                .body("reasons.ruleId", hasItem("S14")).body("eligibility.eligible", equalTo(false));

        assertThat(eventTypesOf(patient)).contains("dev.spotter.screening.urgent-finding-reported.v1");
    }

    @Test
    void aHypertensiveCrisisIsContraindicatedAndRaisesAnUrgentFinding() {
        String patient = register("Cris Crisis");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("bloodPressure", bp(182, 100, null))))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201).body("outcome", equalTo("CONTRAINDICATED")).body("bloodPressureCategory", equalTo("CRISIS"));

        assertThat(eventTypesOf(patient)).contains("dev.spotter.screening.urgent-finding-reported.v1");
    }

    @Test
    void aClearanceWithoutExpiryLastsTheClinicsDefault180Days() {
        String patient = register("Dee Default");
        Map<String, Object> request = new HashMap<>(clearance(List.of("S6"), LocalDate.now(ZoneOffset.UTC)));
        request.remove("expiresOn");

        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(request)
                .when().post("/api/patients/{id}/clearances", patient)
                .then().statusCode(201).body("expiresOn", equalTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).plusDays(180).toString()));
    }

    @Test
    void aRecheckThatChangesTheCategoryIsWhatCounts() {
        String patient = register("Reg Recheck");

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("bloodPressure", bp(145, 85, List.of(128, 78)))))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201).body("outcome", equalTo("CLEARED")).body("bloodPressureCategory", equalTo("NORMAL"));
    }

    @Test
    void aClearanceUnlocksNeedsClearanceUntilItExpires() {
        String patient = register("Hal Hypertension");
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("hypertension", true)))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201).body("outcome", equalTo("NEEDS_CLEARANCE")).body("eligibility.eligible", equalTo(false));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(clearance(List.of("S6"), today.plusDays(1)))
                .when().post("/api/patients/{id}/clearances", patient).then().statusCode(403);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(clearance(List.of("S6"), today.plusDays(1)))
                .when().post("/api/patients/{id}/clearances", patient).then().statusCode(201);
        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/eligibility", patient)
                .then().statusCode(200).body("eligible", equalTo(true));

        clock.advance(Duration.ofDays(1));
        assertThat(clearances.announceExpiries()).isGreaterThanOrEqualTo(1);

        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/eligibility", patient)
                .then().statusCode(200).body("eligible", equalTo(false)).body("blockingReasons.ruleId", hasItem("S6"));
        assertThat(eventTypesOf(patient)).contains("dev.spotter.screening.clearance-recorded.v1",
                "dev.spotter.screening.clearance-expired.v1");
    }

    @Test
    void aBloodPressureClearanceLetsPreSessionReadingsGoUpToStageTwo() {
        String patient = register("Bo Pressure");
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("bloodPressure", bp(150, 92, null))))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(201).body("outcome", equalTo("NEEDS_CLEARANCE")).body("eligibility.bpAllowedUpTo", equalTo("NORMAL"));

        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(clearance(List.of("S7"), LocalDate.now(ZoneOffset.UTC).plusDays(30)))
                .when().post("/api/patients/{id}/clearances", patient).then().statusCode(201);

        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/eligibility", patient)
                .then().statusCode(200).body("eligible", equalTo(true)).body("bpAllowedUpTo", equalTo("STAGE_2"));
    }

    @Test
    void aClearanceCanNeverNameAContraindication() {
        String patient = register("Gil Glaucoma");

        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON)
                .body(clearance(List.of("S2"), LocalDate.now(ZoneOffset.UTC).plusDays(30)))
                .when().post("/api/patients/{id}/clearances", patient)
                .then().statusCode(422).body("errors[0].field", equalTo("scope")).body("detail", containsString("S2"));
    }

    @Test
    void aClearanceWithOneBloodPressureCeilingIsA400NamingBoth() {
        String patient = register("Cy Ceiling");
        Map<String, Object> request = new HashMap<>(clearance(List.of("S7"), LocalDate.now(ZoneOffset.UTC).plusDays(30)));
        request.put("bpCeilingDiastolic", 95);

        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(request)
                .when().post("/api/patients/{id}/clearances", patient)
                .then().statusCode(400).body("errors.field", contains("bpCeilingSystolic", "bpCeilingDiastolic"));
    }

    @Test
    void anAnswerOfTheWrongTypeIsA400NamingItAndNeverTakenAsYes() {
        String patient = register("Tye Types");
        for (Object wrong : List.of(1, "true", "")) {
            given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("recentFracture", wrong)))
                    .when().post("/api/patients/{id}/screenings", patient)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("recentFracture"));
        }
        Map<String, Object> reading = Map.of("first", Map.of("systolic", 122.5, "diastolic", 76, "takenAt", Instant.now().toString()));
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(answers(Map.of("bloodPressure", reading)))
                .when().post("/api/patients/{id}/screenings", patient)
                .then().statusCode(400).body("errors[0].field", equalTo("bloodPressure.first.systolic"));

        given().auth().oauth2(TABLET).when().get("/api/patients/{id}/screenings", patient).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aNumberTooBigForItsFieldOrJsonThatDoesNotParseIsA400ProblemSayingSo() {
        String patient = register("Nico Numbers");

        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body("{\"startAngleDegrees\": 2147483648}")
                .when().put("/api/patients/{id}/plan", patient)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("startAngleDegrees"));
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body("{\"startAngleDegrees\": 20,")
                .when().put("/api/patients/{id}/plan", patient)
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:spotter:problem:malformed-json"));
    }

    @Test
    void theClinicsStrokeWindowIsASetting() {
        String patient = register("Stan Stroke");
        Map<String, Object> strokeEighteenMonthsAgo = answers(Map.of("strokeOrTia", true,
                "strokeOrTiaDate", LocalDate.now(ZoneOffset.UTC).minusMonths(18).toString()));
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(strokeEighteenMonthsAgo)
                .when().post("/api/patients/{id}/screenings", patient).then().statusCode(201).body("outcome", equalTo("NEEDS_CLEARANCE"));

        Map<String, Object> settings = new HashMap<>(given().auth().oauth2(ADMIN).when().get("/api/clinic/settings")
                .then().statusCode(200).body("strokeWindowMonths", equalTo(12)).extract().jsonPath().getMap("$"));
        settings.put("strokeWindowMonths", 24);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(settings).when().put("/api/clinic/settings").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings).when().put("/api/clinic/settings").then().statusCode(200);
        try {
            given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(strokeEighteenMonthsAgo)
                    .when().post("/api/patients/{id}/screenings", patient).then().statusCode(201).body("outcome", equalTo("CONTRAINDICATED"));
            given().auth().oauth2(RIVER_ADMIN).when().get("/api/clinic/settings").then().body("strokeWindowMonths", equalTo(12));
        } finally {
            settings.put("strokeWindowMonths", 12);
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings).when().put("/api/clinic/settings").then().statusCode(200);
        }
        settings.put("timeZone", "Mars/Olympus_Mons");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings).when().put("/api/clinic/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void aPlanStartsAtTheRulesDefaultsAndChangesWithinTheLimits() {
        String patient = register("Pat Plan");
        Map<String, Object> plan = new HashMap<>(given().auth().oauth2(CLINICIAN).when().get("/api/patients/{id}/plan", patient)
                .then().statusCode(200).body("startAngleDegrees", equalTo(20)).body("maxSessionsPerWeek", equalTo(4))
                .extract().jsonPath().getMap("$"));

        plan.put("startAngleDegrees", 25);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(plan).when().put("/api/patients/{id}/plan", patient)
                .then().statusCode(200).body("startAngleDegrees", equalTo(25));
        plan.put("maxAngleDegrees", 70);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(plan).when().put("/api/patients/{id}/plan", patient)
                .then().statusCode(400).body("errors[0].field", equalTo("maxAngleDegrees"));
        plan.put("maxAngleDegrees", 60);
        plan.put("firstTwoWeeksCeilingDegrees", 15);
        given().auth().oauth2(CLINICIAN).contentType(ContentType.JSON).body(plan).when().put("/api/patients/{id}/plan", patient)
                .then().statusCode(422).body("errors[0].field", equalTo("firstTwoWeeksCeilingDegrees"));
        given().auth().oauth2(TABLET).contentType(ContentType.JSON).body(plan).when().put("/api/patients/{id}/plan", patient).then().statusCode(403);
    }

    @Test
    void theQuestionnaireIsServedAsJsonAndAsFhir() {
        given().auth().oauth2(TABLET).when().get("/api/screening/questionnaire")
                .then().statusCode(200).body("version", equalTo(1)).body("questions", hasSize(14)).body("questions[6].id", equalTo("S7"));
        given().auth().oauth2(TABLET).when().get("/api/screening/questionnaire/fhir")
                .then().statusCode(200).contentType("application/fhir+json")
                .body("resourceType", equalTo("Questionnaire")).body("status", equalTo("active")).body("item", hasSize(14))
                .body("item[1].code[0].code", equalTo("23986001"));
    }

    private static String register(String name) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("displayName", name))
                .when().post("/api/patients").then().statusCode(201).extract().path("id");
    }

    /** All-"no" answers with a normal blood pressure, changed by {@code overrides}. */
    static Map<String, Object> answers(Map<String, Object> overrides) {
        Map<String, Object> answers = new HashMap<>();
        for (String question : List.of("pregnant", "glaucoma", "retinalDisease", "heartDisease", "strokeOrTia", "hypertension",
                "bloodThinners", "vertebralFracture", "recentFracture", "spinalImplants", "hernia", "reflux", "earOrEyeInfection",
                "neurologicalRedFlags")) {
            answers.put(question, false);
        }
        answers.put("bloodPressure", bp(122, 76, null));
        answers.put("osteoporosis", "NONE");
        answers.put("weightKg", 74);
        answers.putAll(overrides);
        return answers;
    }

    private static Map<String, Object> bp(int systolic, int diastolic, List<Integer> recheck) {
        Instant first = Instant.now().minus(Duration.ofMinutes(10));
        Map<String, Object> reading = new HashMap<>();
        reading.put("first", Map.of("systolic", systolic, "diastolic", diastolic, "takenAt", first.toString()));
        if (recheck != null) {
            reading.put("recheck", Map.of("systolic", recheck.get(0), "diastolic", recheck.get(1),
                    "takenAt", first.plus(Duration.ofMinutes(6)).toString()));
        }
        return reading;
    }

    private static Map<String, Object> clearance(List<String> scope, LocalDate expiresOn) {
        return Map.of("physicianName", "Dr Ada Byrne", "physicianId", "GMC-7654321",
                "issuedOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(), "scope", scope, "expiresOn", expiresOn.toString());
    }

    private List<String> eventTypesOf(String patient) {
        return new KafkaTestClient(bootstrapServers).read(Topics.SCREENING_EVENTS.name(), records -> false, Duration.ofSeconds(3)).stream()
                .filter(r -> patient.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, CloudEventCodec.H_TYPE)).toList();
    }
}
