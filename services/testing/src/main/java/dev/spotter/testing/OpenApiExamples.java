package dev.spotter.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks the examples of an OpenAPI document: every operation that takes or gives a body has an example of it,
 * and every example fits its schema (required properties present, no property the schema lacks, types, formats,
 * enums, lengths, bounds and patterns). Server-sent event streams have a text example of named events whose JSON
 * {@code data:} lines parse.
 */
public final class OpenApiExamples {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final String EVENT_STREAM = "text/event-stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<String> problems = new ArrayList<>();

    private OpenApiExamples(JsonNode document) {
        this.document = document;
    }

    /**
     * The same for a service's own document as {@code /q/openapi?format=json} serves it, leaving out the resources only
     * the tests have ({@code /api/test/...}); a document with fewer than four paths is itself a problem (nothing read).
     */
    public static List<String> problemsOfService(String documentJson) throws IOException {
        JsonNode document = JSON.readTree(documentJson);
        ((ObjectNode) document.path("paths")).properties().removeIf(path -> path.getKey().startsWith("/api/test/"));
        if (document.path("paths").size() < 4) {
            return List.of("only " + document.path("paths").size() + " paths in the document");
        }
        return problems(document);
    }

    /** Every missing or unfitting example of {@code document}, one line each; empty when all is well. */
    public static List<String> problems(JsonNode document) {
        OpenApiExamples check = new OpenApiExamples(document);
        document.path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    check.checkOperation(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        });
        return check.problems;
    }

    private void checkOperation(String name, JsonNode operation) {
        if (operation.has("requestBody")) {
            checkContent(name + " request", resolve(operation.path("requestBody")).path("content"));
        }
        operation.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("2")) {
                checkContent(name + " " + response.getKey(), resolve(response.getValue()).path("content"));
            }
        });
    }

    private void checkContent(String where, JsonNode content) {
        content.properties().forEach(media -> {
            String at = where + " " + media.getKey();
            List<JsonNode> examples = examplesOf(media.getValue());
            if (examples.isEmpty()) {
                problems.add(at + ": no example");
            } else if (media.getKey().equals(EVENT_STREAM)) {
                examples.forEach(example -> checkEventStream(at, example));
            } else if (!media.getValue().has("schema")) {
                problems.add(at + ": an example but no schema (is the operation still in the code?)");
            } else {
                examples.forEach(example -> check(at, example, media.getValue().path("schema")));
            }
        });
    }

    private List<JsonNode> examplesOf(JsonNode media) {
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples").forEach(example -> examples.add(resolve(example).path("value")));
        return examples;
    }

    private void checkEventStream(String where, JsonNode example) {
        if (!example.isTextual() || !example.asText().contains("event:")) {
            problems.add(where + ": the example is not a stream of events");
            return;
        }
        for (String line : example.asText().split("\n")) {
            // an event's data is JSON, except subscribed's: the clinic's id
            if (line.startsWith("data:") && line.substring("data:".length()).strip().matches("[\\[{].*")) {
                try {
                    JSON.readTree(line.substring("data:".length()));
                } catch (JsonProcessingException e) {
                    problems.add(where + ": data is not JSON: " + line);
                }
            }
        }
    }

    /** Checks {@code value} against {@code schema}, adding a problem for each misfit. */
    private void check(String where, JsonNode value, JsonNode schemaOrRef) {
        JsonNode schema = resolve(schemaOrRef);
        if (value.isNull()) {
            if (!allowsNull(schema)) {
                problems.add(where + ": null");
            }
            return;
        }
        schema.path("allOf").forEach(part -> check(where, value, part));
        checkAlternatives(where, value, schema);
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + ": " + value + " is none of " + schema.get("enum"));
        }
        Set<String> types = types(schema);
        if (types.isEmpty()) {
            return;
        }
        if (!types.contains(typeOf(value)) && !(typeOf(value).equals("integer") && types.contains("number"))) {
            problems.add(where + ": " + typeOf(value) + " where the schema says " + types);
            return;
        }
        switch (typeOf(value)) {
            case "string" -> checkString(where, value.asText(), schema);
            case "integer", "number" -> checkNumber(where, value, schema);
            case "array" -> checkArray(where, value, schema);
            case "object" -> checkObject(where, value, schema);
            default -> { }
        }
    }

    private void checkAlternatives(String where, JsonNode value, JsonNode schema) {
        for (String keyword : List.of("anyOf", "oneOf")) {
            if (schema.has(keyword)) {
                boolean fits = false;
                for (JsonNode alternative : schema.get(keyword)) {
                    OpenApiExamples trial = new OpenApiExamples(document);
                    trial.check(where, value, alternative);
                    fits |= trial.problems.isEmpty();
                }
                if (!fits) {
                    problems.add(where + ": fits none of " + keyword);
                }
            }
        }
    }

    private void checkString(String where, String value, JsonNode schema) {
        String format = schema.path("format").asText();
        if (!format.isEmpty() && !fitsFormat(value, format)) {
            problems.add(where + ": '" + value + "' is not a " + format);
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
            problems.add(where + ": '" + value + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
            problems.add(where + ": longer than " + schema.get("maxLength").asInt());
        }
        if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
            problems.add(where + ": shorter than " + schema.get("minLength").asInt());
        }
    }

    private static boolean fitsFormat(String value, String format) {
        try {
            switch (format) {
                case "uuid" -> UUID.fromString(value);
                case "date" -> LocalDate.parse(value);
                // the document gives LocalDateTime (a clinic's wall-clock time) this format too, without an offset
                case "date-time" -> {
                    if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                        OffsetDateTime.parse(value);
                    } else {
                        LocalDateTime.parse(value);
                    }
                }
                default -> { }
            }
            return true;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private void checkNumber(String where, JsonNode value, JsonNode schema) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(where + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(where + ": " + value + " is above " + schema.get("maximum"));
        }
        if ("int32".equals(schema.path("format").asText()) && !value.canConvertToInt()) {
            problems.add(where + ": " + value + " is not an int32");
        }
    }

    private void checkArray(String where, JsonNode value, JsonNode schema) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(where + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            problems.add(where + ": more than " + schema.get("maxItems").asInt() + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(where + "[" + i + "]", value.get(i), schema.path("items"));
        }
    }

    private void checkObject(String where, JsonNode value, JsonNode schema) {
        schema.path("required").forEach(required -> {
            if (!value.hasNonNull(required.asText())) {
                problems.add(where + ": the required property " + required.asText() + " is missing");
            }
        });
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String at = where + "." + field.getKey();
            if (field.getValue().isNull() && properties.has(field.getKey())) {
                continue; // a property that is not required may be null: the services write absent values as null
            } else if (properties.has(field.getKey())) {
                check(at, field.getValue(), properties.get(field.getKey()));
            } else if (additional.isObject()) {
                check(at, field.getValue(), additional);
            } else if (!additional.asBoolean(false) && properties.size() + schema.path("allOf").size() > 0) {
                problems.add(at + ": the schema has no such property");
            }
        }
    }

    private boolean allowsNull(JsonNode schema) {
        return types(schema).contains("null") || schema.path("nullable").asBoolean(false) || !schema.has("type") && !schema.has("$ref");
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static String typeOf(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        } else if (value.isIntegralNumber()) {
            return "integer";
        } else if (value.isNumber()) {
            return "number";
        } else if (value.isBoolean()) {
            return "boolean";
        } else if (value.isArray()) {
            return "array";
        }
        return value.isObject() ? "object" : "null";
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Follows {@code $ref}s within the document. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
