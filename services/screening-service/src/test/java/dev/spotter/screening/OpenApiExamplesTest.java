package dev.spotter.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spotter.testing.OpenApiExamples;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The service's OpenAPI document shows an example of every request and answer body, and each example fits its schema. */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_screening"))
class OpenApiExamplesTest {

    @Test
    void every_operation_has_examples_that_fit_its_schemas() throws Exception {
        String document = given().auth().oauth2(TestTokens.ops("ops.docs")).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();

        assertThat(OpenApiExamples.problemsOfService(document)).isEmpty();
    }
}
