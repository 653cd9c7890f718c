package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.spotter.testing.SpotterInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** With the dev profile's access rules, Swagger UI and the document it reads open without a token; the API does not. */
@QuarkusTest
@TestProfile(ApiDocsDevModeAccessTest.DevProfile.class)
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class ApiDocsDevModeAccessTest {

    /** The test profile and the dev profile's settings on top of it. */
    public static class DevProfile implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return "dev,test";
        }
    }

    @Test
    void swagger_ui_and_the_api_document_open_without_a_token_and_the_api_still_needs_one() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/patients"));
        given().get("/api/patients").then().statusCode(401);
    }
}
