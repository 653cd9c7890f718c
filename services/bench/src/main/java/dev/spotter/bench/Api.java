package dev.spotter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** JSON over HTTP with a bearer token; a write the tablet would queue is retried under one {@code Idempotency-Key}. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** An answer: the status (0 when none came) and the body. */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String id() {
            return body.path("id").asText();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(URI uri, String token) {
        return send(request(uri, token).GET().build());
    }

    Reply post(URI uri, String token, Object body) {
        return send(request(uri, token).POST(publisher(body)).build());
    }

    Reply put(URI uri, String token, Object body) {
        return send(request(uri, token).PUT(publisher(body)).build());
    }

    /** A write the tablet keys as it queues it (an angle change), sent once: the server stores its answer by the key. */
    Reply putKeyed(URI uri, String token, Object body) {
        return send(request(uri, token).header("Idempotency-Key", UUID.randomUUID().toString()).PUT(publisher(body)).build());
    }

    /**
     * A tablet's queued write: sent again under the same idempotency key while there is no answer or a 5xx, for at most
     * {@code patience}, as the tablet app does while the network or a service is away.
     */
    Reply postQueued(URI uri, String token, Object body, Duration patience) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Reply reply = send(request(uri, token).header("Idempotency-Key", key).POST(publisher(body)).build());
            if ((reply.status() != 0 && reply.status() < 500) || System.nanoTime() > deadline) {
                return reply;
            }
            Thread.sleep(250);
        }
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), body);
        } catch (IOException e) {
            return new Reply(0, JSON.nullNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, JSON.nullNode());
        }
    }
}
