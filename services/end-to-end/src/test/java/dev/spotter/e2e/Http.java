package dev.spotter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON over HTTP with a bearer token, as a tablet or a console would call the services. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    record Reply(int status, JsonNode body) {
    }

    private Http() {
    }

    static Reply get(URI uri, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build());
    }

    static Reply post(URI uri, String token, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    static Reply put(URI uri, String token, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static Reply send(HttpRequest request) throws Exception {
        HttpClient client = "https".equals(request.uri().getScheme()) ? Https.CLIENT : CLIENT;
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    /** Made on first use, so only tests of services serving HTTPS make the test certificates. */
    private static final class Https {
        static final HttpClient CLIENT = HttpClient.newBuilder().sslContext(TestCertificates.shared().clientContext()).build();
    }
}
