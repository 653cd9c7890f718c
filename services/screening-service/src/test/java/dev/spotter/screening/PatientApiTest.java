package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.spotter.events.Topics;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** screening-service's patient registry: clinic-scoped, and its event carries the pseudonymous id only. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class PatientApiTest {

    private static final String NORTH_ADMIN = TestTokens.issue("admin.north", "northside", "clinic-admin");
    private static final String RIVER_ADMIN = TestTokens.issue("admin.river", "riverside", "clinic-admin");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registeringAPatientPublishesTheIdButNeverTheName() {
        String id = given().auth().oauth2(NORTH_ADMIN).contentType(ContentType.JSON).body(Map.of("displayName", "Zoe Quist"))
                .when().post("/api/patients")
                .then().statusCode(201).body("clinicId", equalTo("northside")).extract().path("id");

        var records = new KafkaTestClient(bootstrapServers).read(Topics.SCREENING_EVENTS.name(),
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        var registered = records.stream().filter(r -> id.equals(r.key()))
                .filter(r -> "dev.spotter.screening.patient-registered.v1".equals(KafkaTestClient.header(r, "ce_type"))).toList();
        assertThat(registered).hasSize(1);
        assertThat(new String(registered.getFirst().value(), StandardCharsets.UTF_8)).contains(id).doesNotContain("Zoe", "Quist");
        assertThat(KafkaTestClient.header(registered.getFirst(), "ce_clinicid")).isEqualTo("northside");
    }

    @Test
    void patientsOfAnotherClinicAreInvisible() {
        String id = given().auth().oauth2(NORTH_ADMIN).contentType(ContentType.JSON).body(Map.of("displayName", "Yusuf Adeyemi"))
                .when().post("/api/patients").then().statusCode(201).extract().path("id");

        given().auth().oauth2(RIVER_ADMIN).when().get("/api/patients/{id}", id).then().statusCode(404);
        given().auth().oauth2(RIVER_ADMIN).when().get("/api/patients").then().statusCode(200)
                .body("findAll { it.id == '" + id + "' }", hasSize(0));
        given().auth().oauth2(NORTH_ADMIN).when().get("/api/patients/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Yusuf Adeyemi"));
    }

    @Test
    void aBlankNameIsA400NamingTheField() {
        given().auth().oauth2(NORTH_ADMIN).contentType(ContentType.JSON).body(Map.of("displayName", " "))
                .when().post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("displayName"));
        given().auth().oauth2(NORTH_ADMIN).contentType(ContentType.JSON).body("{\"displayName\": ")
                .when().post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(NORTH_ADMIN).contentType(ContentType.JSON).body("{\"displayName\": [1]}")
                .when().post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("displayName"));
    }

    @Test
    void aTokenWithoutAClinicIsRefused() {
        given().when().get("/api/patients").then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("someone", "NOT A CLINIC", "clinician")).when().get("/api/patients")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
