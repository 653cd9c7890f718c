package dev.spotter.screening;

import static io.restassured.RestAssured.given;

import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Outside dev mode the API document and Swagger UI need a token like every other path (the shared access rules). */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class ApiDocsAccessTest {

    @Test
    void the_api_document_and_swagger_ui_need_a_token() {
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/swagger-ui/").then().statusCode(401);
        given().auth().oauth2(TestTokens.issue("dr.north", "northside", "clinician")).get("/q/openapi").then().statusCode(200);
    }
}
