package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.ServiceProcess;
import dev.spotter.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deny by default: every operation in every service's OpenAPI document answers 401 without a valid token (none,
 * expired, another issuer, another key, garbage), except the few that hold no data; only health and the pages'
 * static files are open; metrics are for operations staff alone.
 */
class AuthenticationEndToEndIT {

    /** Operations that need no token, by service: the tablet app reads its settings before anyone signs in. */
    private static final Set<String> PUBLIC = Set.of("session-service GET /api/tablet/config");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Platform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
    }

    @Test
    void everyOperationOfEveryServiceRefusesARequestWithoutAValidToken() throws Exception {
        Map<String, String> forged = TestTokens.forged("dr.north", "northside", "clinician");
        List<String> open = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, ServiceProcess> service : services().entrySet()) {
            for (String operation : operations(service.getValue())) {
                String method = operation.substring(0, operation.indexOf(' '));
                String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                boolean isPublic = PUBLIC.contains(service.getKey() + " " + operation);
                operations++;
                int anonymous = status(method, service.getValue().uri(path), null);
                if (isPublic) {
                    assertThat(anonymous).as(service.getKey() + " " + operation).isLessThan(400);
                    continue;
                }
                if (anonymous != 401) {
                    open.add(service.getKey() + " " + operation + " without a token: " + anonymous);
                }
                for (Map.Entry<String, String> token : forged.entrySet()) {
                    int status = status(method, service.getValue().uri(path), token.getValue());
                    if (status != 401) {
                        open.add(service.getKey() + " " + operation + " with a token of " + token.getKey() + ": " + status);
                    }
                }
            }
        }
        System.out.printf("authentication walk: %d operations of 3 services, each without a token and with %d forged ones%n",
                operations, forged.size());
        assertThat(operations).isGreaterThan(40);
        assertThat(open).as("operations that did not answer 401").isEmpty();
    }

    @Test
    void healthAndThePagesAreOpenTheRestIsNot() throws Exception {
        String clinician = TestTokens.issue("dr.north", "northside", "clinician");
        String ops = TestTokens.ops("ops.on.duty");
        for (ServiceProcess service : services().values()) {
            assertThat(status("GET", service.uri("/q/health/ready"), null)).isEqualTo(200);
            assertThat(status("GET", service.uri("/common/ui.js"), null)).isEqualTo(200);
            assertThat(status("GET", service.uri("/q/openapi"), null)).isEqualTo(401);
            assertThat(status("GET", service.uri("/q/metrics"), null)).isEqualTo(401);
            assertThat(status("GET", service.uri("/q/metrics"), clinician)).isEqualTo(403);
            assertThat(status("GET", service.uri("/q/metrics"), ops)).isEqualTo(200);
            assertThat(status("GET", service.uri("/no/such/page"), null)).isEqualTo(401);
        }
        assertThat(status("GET", platform.screening.uri("/screening/"), null)).isEqualTo(200);
        assertThat(status("GET", platform.session.uri("/tablet/"), null)).isEqualTo(200);
        assertThat(status("GET", platform.alert.uri("/console/"), null)).isEqualTo(200);
        // operations staff see the platform's health, never a clinic's patients
        assertThat(status("GET", platform.screening.uri("/api/patients"), ops)).isEqualTo(403);
    }

    private static Map<String, ServiceProcess> services() {
        return Map.of("screening-service", platform.screening, "session-service", platform.session, "alert-service", platform.alert);
    }

    /** "METHOD /path/{param}" of every operation in the service's OpenAPI document. */
    static List<String> operations(ServiceProcess service) throws Exception {
        HttpResponse<String> document = CLIENT.send(HttpRequest.newBuilder(service.uri("/q/openapi?format=json"))
                .header("Authorization", "Bearer " + TestTokens.ops("ops.on.duty")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        List<String> operations = new ArrayList<>();
        JsonNode paths = Http.JSON.readTree(document.body()).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> path = paths.fields(); path.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = path.next();
            entry.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase() + " " + entry.getKey());
                }
            });
        }
        return operations;
    }

    private static int status(String method, URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "*/*")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        // a stream would never end: only its status matters
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
