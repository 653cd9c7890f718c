package dev.spotter.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example check finds each kind of missing or unfitting example, and passes a document whose examples fit. */
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST with a request and a 201, one GET of a list by a shared example, one stream; all examples fit. */
    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/patients": {
                 "post": {
                   "requestBody": {"content": {"application/json": {
                     "schema": {"$ref": "#/components/schemas/Register"},
                     "example": {"displayName": "Ana Ferreira", "painBefore": 4}}}},
                   "responses": {"201": {"content": {"application/json": {
                     "schema": {"$ref": "#/components/schemas/Patient"},
                     "examples": {"one": {"$ref": "#/components/examples/Ana"}}}}},
                     "401": {"description": "Not Authorized"}}},
                 "get": {
                   "responses": {"200": {"content": {"application/json": {
                     "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Patient"}},
                     "example": [{"id": "00000000-0000-4000-8000-00000000a001", "registeredAt": "2026-11-02T09:14:05Z",
                                  "status": "ACTIVE", "closedAt": null}]}}}}}},
               "/api/patients/stream": {
                 "get": {"responses": {"200": {"content": {"text/event-stream": {
                   "example": "event: patient\\ndata: {\\"id\\": 1}\\n\\n"}}}}}},
               "/api/patients/{id}/heartbeat": {
                 "post": {"responses": {"204": {"description": "Heard"}}}}},
             "components": {
               "schemas": {
                 "Register": {"type": "object", "required": ["displayName", "painBefore"], "properties": {
                   "displayName": {"type": "string", "pattern": "\\\\S", "maxLength": 20},
                   "painBefore": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 10}}},
                 "Patient": {"type": "object", "properties": {
                   "id": {"$ref": "#/components/schemas/UUID"},
                   "registeredAt": {"type": "string", "format": "date-time"},
                   "status": {"type": "string", "enum": ["ACTIVE", "CLOSED"]},
                   "closedAt": {"type": "string", "format": "date-time"}}},
                 "UUID": {"type": "string", "format": "uuid"}},
               "examples": {
                 "Ana": {"value": {"id": "00000000-0000-4000-8000-00000000a001", "registeredAt": "2026-11-02T09:14:05Z",
                                   "status": "ACTIVE"}}}}}
            """;

    @Test
    void examples_that_fit_pass() throws Exception {
        assertThat(OpenApiExamples.problems(document())).isEmpty();
    }

    @Test
    void an_operation_without_an_example_is_found() throws Exception {
        ObjectNode document = document();
        mediaType(document, "/paths/~1api~1patients/get/responses/200").remove("example");

        assertThat(OpenApiExamples.problems(document)).containsExactly("GET /api/patients 200 application/json: no example");
    }

    @Test
    void a_request_example_without_a_required_property_is_found() throws Exception {
        ObjectNode document = document();
        requestExample(document).remove("painBefore");

        assertThat(OpenApiExamples.problems(document))
                .containsExactly("POST /api/patients request application/json: the required property painBefore is missing");
    }

    @Test
    void a_value_of_the_wrong_type_or_out_of_bounds_is_found() throws Exception {
        ObjectNode document = document();
        requestExample(document).put("painBefore", "4");
        ObjectNode outOfBounds = document();
        requestExample(outOfBounds).put("painBefore", 11);

        assertThat(OpenApiExamples.problems(document)).singleElement().asString().contains("string where the schema says [integer]");
        assertThat(OpenApiExamples.problems(outOfBounds)).singleElement().asString().contains("11 is above 10");
    }

    @Test
    void a_property_the_schema_lacks_is_found() throws Exception {
        ObjectNode document = document();
        requestExample(document).put("displayname", "typo");

        assertThat(OpenApiExamples.problems(document)).singleElement().asString().contains(".displayname: the schema has no such property");
    }

    @Test
    void a_bad_format_pattern_or_enum_value_in_a_shared_example_is_found() throws Exception {
        ObjectNode document = document();
        ObjectNode ana = (ObjectNode) document.at("/components/examples/Ana/value");
        ana.put("id", "a001").put("registeredAt", "yesterday").put("status", "OPEN");
        requestExample(document).put("displayName", "  ");

        assertThat(OpenApiExamples.problems(document)).hasSize(4)
                .anyMatch(p -> p.contains("'a001' is not a uuid"))
                .anyMatch(p -> p.contains("'yesterday' is not a date-time"))
                .anyMatch(p -> p.contains("\"OPEN\" is none of"))
                .anyMatch(p -> p.contains("does not match \\S"));
    }

    @Test
    void an_example_of_an_operation_no_longer_in_the_code_is_found() throws Exception {
        ObjectNode document = document();
        mediaType(document, "/paths/~1api~1patients/get/responses/200").remove("schema");

        assertThat(OpenApiExamples.problems(document)).singleElement().asString().contains("an example but no schema");
    }

    @Test
    void a_stream_example_whose_data_is_not_json_is_found() throws Exception {
        ObjectNode document = document();
        mediaType(document, "/paths/~1api~1patients~1stream/get/responses/200", "text/event-stream")
                .put("example", "event: patient\ndata: {id: 1}\n\n");

        assertThat(OpenApiExamples.problems(document)).singleElement().asString().contains("data is not JSON");
    }

    @Test
    void a_service_document_leaves_out_the_tests_own_resources_and_must_describe_its_api() throws Exception {
        ObjectNode document = document();
        ObjectNode paths = (ObjectNode) document.path("paths");
        for (String copy : List.of("/api/one", "/api/two", "/api/three", "/api/four")) {
            paths.set(copy, paths.path("/api/patients").deepCopy());
        }
        // an operation of a test-only resource, with no example: a problem in a document, not in the service's
        paths.putObject("/api/test/rows").putObject("get").putObject("responses").putObject("200").putObject("content")
                .putObject("application/json").putObject("schema").put("type", "object");
        ObjectNode empty = JSON.createObjectNode();
        empty.putObject("paths");

        assertThat(OpenApiExamples.problems(document)).singleElement().asString().contains("/api/test/rows");
        assertThat(OpenApiExamples.problemsOfService(JSON.writeValueAsString(document))).isEmpty();
        assertThat(OpenApiExamples.problemsOfService(JSON.writeValueAsString(empty))).containsExactly("only 0 paths in the document");
    }

    private static ObjectNode document() throws Exception {
        return (ObjectNode) JSON.readTree(DOCUMENT);
    }

    private static ObjectNode requestExample(JsonNode document) {
        return (ObjectNode) document.at("/paths/~1api~1patients/post/requestBody/content/application~1json/example");
    }

    private static ObjectNode mediaType(JsonNode document, String response) {
        return mediaType(document, response, "application/json");
    }

    private static ObjectNode mediaType(JsonNode document, String response, String type) {
        return (ObjectNode) document.at(response + "/content/" + type.replace("/", "~1"));
    }
}
