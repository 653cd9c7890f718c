package dev.spotter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1), checked against the part of its API that Spotter uses, as
 * strictly as the typed models check the rest: no Java model of it is published, so this is its schema here. A field
 * outside this subset, or of another type, fails; to use one, add it from the CloudNativePG API reference.
 */
record CnpgCluster(String name, int instances, String database, String owner, List<Role> roles) {

    record Role(String name, boolean login, List<String> inRoles, String passwordSecret) {
    }

    static final String API_VERSION = "postgresql.cnpg.io/v1";

    private static final Map<String, BiConsumer<JsonNode, String>> SPEC = fields(
            "instances", integer(),
            "primaryUpdateStrategy", oneOf("unsupervised", "supervised"),
            "primaryUpdateMethod", oneOf("switchover", "restart"),
            "imageName", text(),
            "enablePDB", bool(),
            "storage", object(fields("size", quantity(), "storageClass", text())),
            "walStorage", object(fields("size", quantity(), "storageClass", text())),
            "resources", typed(ResourceRequirements.class),
            "postgresql", object(fields("parameters", mapOf(text()))),
            "bootstrap", object(fields("initdb", object(fields(
                    "database", text(), "owner", text(), "secret", object(fields("name", text())))))),
            "affinity", object(fields("enablePodAntiAffinity", bool(), "topologyKey", text(),
                    "podAntiAffinityType", oneOf("preferred", "required"))),
            "managed", object(fields("roles", listOf(object(fields(
                    "name", text(), "ensure", oneOf("present", "absent"), "comment", text(), "login", bool(),
                    "superuser", bool(), "createdb", bool(), "createrole", bool(), "inherit", bool(),
                    "replication", bool(), "bypassrls", bool(), "connectionLimit", integer(), "validUntil", text(),
                    "disablePassword", bool(), "inRoles", listOf(text()),
                    "passwordSecret", object(fields("name", text())))))))
    );

    /** Checks the whole resource and returns what the other checks need of it. */
    static CnpgCluster parse(JsonNode resource) {
        String where = Resources.id(resource);
        object(fields("apiVersion", oneOf(API_VERSION), "kind", oneOf("Cluster"), "metadata", typed(ObjectMeta.class),
                "spec", object(SPEC))).accept(resource, where);
        JsonNode spec = resource.path("spec");
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        List<Role> roles = new ArrayList<>();
        for (JsonNode role : spec.path("managed").path("roles")) {
            List<String> inRoles = new ArrayList<>();
            role.path("inRoles").forEach(r -> inRoles.add(r.asText()));
            roles.add(new Role(role.path("name").asText(), role.path("login").asBoolean(false), inRoles,
                    role.path("passwordSecret").path("name").asText(null)));
        }
        return new CnpgCluster(resource.path("metadata").path("name").asText(), spec.path("instances").asInt(1),
                initdb.path("database").asText("app"), initdb.path("owner").asText("app"), roles);
    }

    /** The labels the operator puts on the cluster's PostgreSQL pods. */
    Map<String, String> podLabels() {
        return Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance");
    }

    /** The Secrets the operator writes for the cluster, with their keys. */
    Map<String, Set<String>> secrets() {
        return Map.of(
                name + "-app", Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass"),
                name + "-ca", Set.of("ca.crt", "ca.key"));
    }

    // ---- The schema's building blocks

    private static Map<String, BiConsumer<JsonNode, String>> fields(Object... pairs) {
        Map<String, BiConsumer<JsonNode, String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            BiConsumer<JsonNode, String> check = (BiConsumer<JsonNode, String>) pairs[i + 1];
            fields.put((String) pairs[i], check);
        }
        return fields;
    }

    private static BiConsumer<JsonNode, String> object(Map<String, BiConsumer<JsonNode, String>> fields) {
        return (node, where) -> {
            require(node.isObject(), where, "must be an object");
            node.fieldNames().forEachRemaining(field -> {
                require(fields.containsKey(field), where + "." + field, "is not a field of the Cluster API subset used here");
                fields.get(field).accept(node.get(field), where + "." + field);
            });
        };
    }

    private static BiConsumer<JsonNode, String> listOf(BiConsumer<JsonNode, String> item) {
        return (node, where) -> {
            require(node.isArray(), where, "must be a list");
            for (int i = 0; i < node.size(); i++) {
                item.accept(node.get(i), where + "[" + i + "]");
            }
        };
    }

    private static BiConsumer<JsonNode, String> mapOf(BiConsumer<JsonNode, String> value) {
        return (node, where) -> {
            require(node.isObject(), where, "must be an object");
            node.fields().forEachRemaining(e -> value.accept(e.getValue(), where + "." + e.getKey()));
        };
    }

    private static BiConsumer<JsonNode, String> text() {
        return (node, where) -> require(node.isTextual(), where, "must be a string");
    }

    private static BiConsumer<JsonNode, String> integer() {
        return (node, where) -> require(node.isIntegralNumber(), where, "must be an integer");
    }

    private static BiConsumer<JsonNode, String> bool() {
        return (node, where) -> require(node.isBoolean(), where, "must be true or false");
    }

    private static BiConsumer<JsonNode, String> oneOf(String... values) {
        return (node, where) -> require(node.isTextual() && List.of(values).contains(node.asText()), where,
                "must be one of " + List.of(values));
    }

    private static BiConsumer<JsonNode, String> quantity() {
        return (node, where) -> {
            require(node.isTextual(), where, "must be a quantity such as 10Gi");
            Quantity.getAmountInBytes(new Quantity(node.asText()));
        };
    }

    private static BiConsumer<JsonNode, String> typed(Class<?> type) {
        return (node, where) -> StrictModels.read(node, type, where);
    }

    private static void require(boolean condition, String where, String message) {
        if (!condition) {
            throw new AssertionError(where + " " + message);
        }
    }
}
