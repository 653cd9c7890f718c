package dev.spotter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 patches as kustomize applies them, the operations the overlays use: add, replace and remove. */
final class JsonPatch {

    private JsonPatch() {
    }

    /** Applies every operation of {@code patch} to {@code target} in place; a path that does not resolve fails. */
    static void apply(ArrayNode patch, ObjectNode target, String where) {
        for (JsonNode operation : patch) {
            String op = text(operation, "op", where);
            String path = text(operation, "path", where);
            String context = where + ": " + op + " " + path;
            String[] tokens = tokens(path, context);
            JsonNode parent = parent(target, tokens, context);
            String last = tokens[tokens.length - 1];
            switch (op) {
                case "add" -> add(parent, last, value(operation, context), context);
                case "replace" -> {
                    require(child(parent, last) != null, context, "nothing to replace");
                    set(parent, last, value(operation, context), context);
                }
                case "remove" -> {
                    require(child(parent, last) != null, context, "nothing to remove");
                    remove(parent, last);
                }
                default -> throw new AssertionError(context + ": only add, replace and remove are supported");
            }
        }
    }

    private static String[] tokens(String path, String context) {
        require(path.startsWith("/") && path.length() > 1, context, "a path starts with / and names a field");
        String[] tokens = path.substring(1).split("/", -1);
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i].replace("~1", "/").replace("~0", "~");
        }
        return tokens;
    }

    private static JsonNode parent(JsonNode root, String[] tokens, String context) {
        JsonNode node = root;
        for (int i = 0; i < tokens.length - 1; i++) {
            node = child(node, tokens[i]);
            require(node != null && node.isContainerNode(), context, "no such path");
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String token) {
        if (node instanceof ArrayNode array) {
            return token.matches("\\d+") ? array.get(Integer.parseInt(token)) : null;
        }
        return node.get(token);
    }

    private static void add(JsonNode parent, String token, JsonNode value, String context) {
        if (parent instanceof ArrayNode array) {
            if (token.equals("-")) {
                array.add(value);
            } else {
                require(token.matches("\\d+") && Integer.parseInt(token) <= array.size(), context, "index out of range");
                array.insert(Integer.parseInt(token), value);
            }
        } else {
            ((ObjectNode) parent).set(token, value);
        }
    }

    private static void set(JsonNode parent, String token, JsonNode value, String context) {
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(token), value);
        } else {
            ((ObjectNode) parent).set(token, value);
        }
    }

    private static void remove(JsonNode parent, String token) {
        if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(token));
        } else {
            ((ObjectNode) parent).remove(token);
        }
    }

    private static JsonNode value(JsonNode operation, String context) {
        require(operation.has("value"), context, "needs a value");
        return operation.get("value").deepCopy();
    }

    private static String text(JsonNode operation, String field, String where) {
        require(operation.path(field).isTextual(), where, "every operation needs " + field);
        return operation.get(field).asText();
    }

    private static void require(boolean condition, String context, String message) {
        if (!condition) {
            throw new AssertionError(context + ": " + message);
        }
    }
}
