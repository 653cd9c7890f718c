package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.ServiceProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The operations a service's OpenAPI document lists: every path and method, its parameters, and whether it takes a body or streams. */
final class OpenApi {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A path or query parameter, by name and where it goes ({@code path}, {@code query}). */
    record Parameter(String name, String in) {
    }

    /** One operation of one service. */
    record Operation(String serviceName, ServiceProcess service, String method, String path, List<Parameter> parameters,
                     boolean takesBody, boolean streams) {

        /** How {@link Samples} names it: {@code "POST /api/patients"}. */
        String key() {
            return method + " " + path;
        }

        /** The path with each path parameter replaced by {@code records}' value for it. */
        String pathFor(Clinic.Records records) {
            String filled = path;
            for (Parameter parameter : parameters) {
                if (parameter.in().equals("path")) {
                    filled = filled.replace("{" + parameter.name() + "}", valueFor(parameter.name(), records));
                }
            }
            return filled;
        }

        /** The value of a path parameter for {@code records}. */
        String valueFor(String parameter, Clinic.Records records) {
            // each service keeps its own audit log, under its own name
            return parameter.equals("service") ? serviceName : records.forParameter(path, parameter);
        }

        URI uri(String filledPath) {
            return service.uri(filledPath);
        }

        @Override
        public String toString() {
            return key() + " (" + serviceName + ")";
        }
    }

    private OpenApi() {
    }

    /** Every operation of every service, read from its document ({@code token} is used if the document needs one). */
    static List<Operation> operations(Platform platform, String token) throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, ServiceProcess> service : platform.services().entrySet()) {
            operations.addAll(operations(service.getKey(), service.getValue(), token));
        }
        return operations;
    }

    static List<Operation> operations(String serviceName, ServiceProcess service, String token) throws Exception {
        URI uri = service.uri("/q/openapi?format=json");
        Http.Raw document = Http.exchange("GET", uri, null, null);
        if (document.status() == 401) {
            document = Http.exchange("GET", uri, token, null);
        }
        assertThat(document.status()).as("the OpenAPI document of %s", serviceName).isEqualTo(200);
        List<Operation> operations = new ArrayList<>();
        Http.JSON.readTree(document.body()).path("paths").properties().forEach(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(serviceName, service, method.toUpperCase(), path.getKey(),
                            parameters(path.getValue(), operation), operation.has("requestBody"), streams(operation)));
                }
            }
        });
        assertThat(operations).as("operations in the OpenAPI document of %s", serviceName).isNotEmpty();
        return operations;
    }

    /** The path item's parameters and the operation's own (OpenAPI allows both). */
    private static List<Parameter> parameters(JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            list.forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText())));
        }
        return parameters.stream().distinct().toList();
    }

    /** Whether any of its answers is a server-sent event stream. */
    private static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }
}
