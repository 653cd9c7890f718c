package dev.spotter.e2e;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Bad requests for one operation, made from its valid sample: JSON that does not parse, a body over the size limit, JSON
 * of the wrong shape, each field of the sample spoilt in turn (another type, null, empty, very long, out of range, an
 * unknown code, a date that is none), bad query values, and ids of the wrong shape in the path. Drawn from a seeded
 * {@link Random}, so a run can be repeated.
 */
final class BadRequests {

    /** One bad request: what was spoilt, the field a refusal must name (null: none in particular), the path and the body. */
    record Bad(String what, String field, String path, String body) {
    }

    /** The services' {@code quarkus.http.limits.max-body-size}. */
    static final int BODY_LIMIT = 64 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SHAPES = List.of("[]", "\"text\"", "42", "true", "null", "");

    private BadRequests() {
    }

    static List<Bad> of(OpenApi.Operation operation, Clinic.Records records, String body, Random random) throws Exception {
        List<Bad> bad = new ArrayList<>();
        String path = operation.pathFor(records);
        if (operation.method().equals("POST") || operation.method().equals("PUT") || operation.method().equals("PATCH")) {
            String json = body == null ? "{\"note\":\"none expected\"}" : body;
            bad.add(new Bad("malformed JSON", null, path, json.substring(0, 1 + random.nextInt(json.length() - 1))));
            bad.add(new Bad("a body over " + BODY_LIMIT + " bytes", null, path, oversized(random)));
        }
        if (body != null) {
            SHAPES.forEach(shape -> bad.add(new Bad("the body as " + (shape.isEmpty() ? "nothing" : shape), null, path, shape)));
            JsonNode sample = Http.JSON.readTree(body);
            spoilFields(sample, sample, "", null, random, (what, field, spoilt) -> bad.add(new Bad(what, field, path, spoilt)));
        }
        for (OpenApi.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path")) {
                wrongIds(random).forEach((label, id) -> bad.add(new Bad(parameter.name() + " " + label, parameter.name(),
                        withParameter(operation, records, parameter.name(), id), body)));
            } else if (parameter.in().equals("query")) {
                badQueryValues(random).forEach(value -> bad.add(new Bad(parameter.name() + "=" + abbreviated(value), parameter.name(),
                        path + "?" + parameter.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8), body)));
            }
        }
        return bad;
    }

    /** Receives one spoilt body: what was done, to which field, and the body's text. */
    private interface Spoilt {
        void add(String what, String field, String body);
    }

    /** Each value under {@code node} in turn, replaced by each of its spoilt versions, in a copy of the whole body. */
    private static void spoilFields(JsonNode root, JsonNode node, String pointer, String field, Random random, Spoilt out) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                String at = pointer + "/" + property.getKey();
                spoil(root, at, property.getKey(), property.getValue(), random, out);
                spoilFields(root, property.getValue(), at, property.getKey(), random, out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                spoil(root, pointer + "/" + i, field, node.get(i), random, out);
                spoilFields(root, node.get(i), pointer + "/" + i, field, random, out);
            }
        }
    }

    private static void spoil(JsonNode root, String pointer, String field, JsonNode value, Random random, Spoilt out) {
        spoilt(value, random).forEach((label, replacement) -> {
            JsonNode copy = root.deepCopy();
            JsonPointer at = JsonPointer.compile(pointer);
            JsonNode parent = copy.at(at.head());
            if (parent instanceof ObjectNode object) {
                object.set(at.last().getMatchingProperty(), replacement);
            } else if (parent instanceof ArrayNode array) {
                array.set(at.last().getMatchingIndex(), replacement);
            }
            out.add(pointer.substring(1).replace('/', '.') + " " + label, field, copy.toString());
        });
    }

    /** The spoilt versions of one value, by what they are: another type, null, and what its own type can get wrong. */
    private static Map<String, JsonNode> spoilt(JsonNode value, Random random) {
        Map<String, JsonNode> spoilt = new LinkedHashMap<>();
        spoilt.put("as null", NODES.nullNode());
        if (!value.isTextual()) {
            spoilt.put("as a string", NODES.textNode("not-" + value.getNodeType().name().toLowerCase()));
        }
        if (!value.isNumber()) {
            spoilt.put("as a number", NODES.numberNode(random.nextInt(1000)));
        }
        if (!value.isBoolean()) {
            spoilt.put("as a boolean", NODES.booleanNode(true));
        }
        if (!value.isArray()) {
            spoilt.put("as an array", NODES.arrayNode().add(value.deepCopy()));
        }
        if (!value.isObject()) {
            spoilt.put("as an object", NODES.objectNode().set("value", value.deepCopy()));
        }
        if (value.isTextual()) {
            spoiltText(value.asText(), random, spoilt);
        } else if (value.isNumber()) {
            spoilt.put("negative", NODES.numberNode(-1 - random.nextInt(1000)));
            spoilt.put("past an int", NODES.numberNode(2_147_483_648L + random.nextInt(1000)));
            spoilt.put("huge", NODES.numberNode(new BigDecimal("1e" + (20 + random.nextInt(400)))));
            spoilt.put("fractional", NODES.numberNode(value.asDouble() + 0.5));
        } else if (value.isArray()) {
            spoilt.put("empty", NODES.arrayNode());
            spoilt.put("holding null", NODES.arrayNode().addNull());
        } else if (value.isObject()) {
            spoilt.put("empty", NODES.objectNode());
        }
        return spoilt;
    }

    private static void spoiltText(String text, Random random, Map<String, JsonNode> spoilt) {
        spoilt.put("empty", NODES.textNode(""));
        spoilt.put("blank", NODES.textNode("   "));
        spoilt.put("very long", NODES.textNode(letters(4_000 + random.nextInt(20_000), random)));
        spoilt.put("an unknown code", NODES.textNode("NO-SUCH-CODE-" + random.nextInt(1000)));
        if (text.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            spoilt.put("an impossible date", NODES.textNode(text.substring(0, 5) + "02-30" + text.substring(10)));
            spoilt.put("a month 13", NODES.textNode(text.substring(0, 5) + "13" + text.substring(7)));
            spoilt.put("not a date", NODES.textNode("yesterday"));
        }
        if (text.matches("[0-9a-f-]{36}")) {
            spoilt.put("not a uuid", NODES.textNode("not-a-uuid"));
            spoilt.put("an unknown uuid", NODES.textNode(new UUID(random.nextLong(), random.nextLong()).toString()));
        }
    }

    /** Ids of the wrong shape for a path parameter, by what they are. */
    private static Map<String, String> wrongIds(Random random) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("not a uuid", "not-a-uuid");
        ids.put("as ../x, encoded", "..%2Fx");
        ids.put("as ../x", "../x");
        ids.put("very long", letters(3_000 + random.nextInt(3_000), random));
        return ids;
    }

    private static List<String> badQueryValues(Random random) {
        return List.of("not-a-value", "-1", "0", String.valueOf(99_999_999_999L + random.nextInt(1000)), "", "2026-02-30T25:61",
                letters(2_000 + random.nextInt(1_000), random));
    }

    /** The operation's path with {@code parameter} set to {@code value} and every other parameter to the records' value. */
    private static String withParameter(OpenApi.Operation operation, Clinic.Records records, String parameter, String value) {
        String path = operation.path().replace("{" + parameter + "}", value);
        for (OpenApi.Parameter other : operation.parameters()) {
            if (other.in().equals("path")) {
                path = path.replace("{" + other.name() + "}", operation.valueFor(other.name(), records));
            }
        }
        return path;
    }

    /** A JSON object just over the limit. */
    private static String oversized(Random random) {
        return "{\"padding\":\"" + letters(BODY_LIMIT + 1 + random.nextInt(1024), random) + "\"}";
    }

    private static String letters(int length, Random random) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " characters)";
    }
}
