package dev.spotter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spotter.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** JSON over HTTP with a bearer token, as a tablet or a console would call the services. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(15);
    // HTTP/1.1 as a browser speaks it over plain http: the JDK's default tries an h2c upgrade, which no tablet does
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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

    /** An answer as it came: status, content type (empty when none) and the body's text, whatever it holds. */
    record Raw(int status, String contentType, String body) {
    }

    /**
     * Any method with any body text (null: none) and a token (null: none), without reading the answer as JSON; an answer
     * that is not whole within {@link #PATIENCE} is an {@link HttpTimeoutException}.
     */
    static Raw exchange(String method, URI uri, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        // a big body waits for the server's go-ahead: one it refuses is answered before it is sent, not cut off half-way
        request.expectContinue(body != null && body.length() > 16 * 1024);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        // the whole answer within the time, body too: a request's own timeout ends once the headers are in
        CompletableFuture<HttpResponse<String>> sent = CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw new HttpTimeoutException("no whole answer within " + PATIENCE);
        }
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
