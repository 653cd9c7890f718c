package dev.spotter.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a server-sent event stream with a bearer token, timestamping each event as it arrives. */
public final class SseClient implements AutoCloseable {

    /** One event off the stream, with the moment it was read. */
    public record Event(String name, String id, String data, Instant receivedAt) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger comments = new java.util.concurrent.atomic.AtomicInteger();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private SseClient(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> parse(r.body()));
    }

    public static SseClient open(URI uri, String token) {
        return new SseClient(uri, token);
    }

    /** Waits for the next event named {@code name}, skipping others; null when none comes in time. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        return next(event -> event.name().equals(name), timeout);
    }

    /** Waits for the next event that {@code wanted} accepts, skipping others; null when none comes in time. */
    public Event next(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Event event = events.poll(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
        return null;
    }

    /** Every event that arrived and was not read yet, of any name. */
    public List<Event> unread() {
        List<Event> unread = new ArrayList<>();
        events.drainTo(unread);
        return unread;
    }

    /** Every event named {@code name} that arrives within {@code window}. */
    public List<Event> collect(String name, Duration window) throws InterruptedException {
        List<Event> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        Event event;
        while ((event = next(name, Duration.between(Instant.now(), deadline))) != null) {
            found.add(event);
        }
        return found;
    }

    /** How many comment lines (keep-alives) arrived so far. */
    public int comments() {
        return comments.get();
    }

    public int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    private void parse(Stream<String> lines) {
        String[] current = {"message", null, ""};
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!current[2].isEmpty() || current[1] != null) {
                    events.add(new Event(current[0], current[1], current[2], Instant.now()));
                }
                current[0] = "message";
                current[1] = null;
                current[2] = "";
            } else if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("event:")) {
                current[0] = line.substring(6).trim();
            } else if (line.startsWith("id:")) {
                current[1] = line.substring(3).trim();
            } else if (line.startsWith("data:")) {
                current[2] = current[2].isEmpty() ? line.substring(5).trim() : current[2] + "\n" + line.substring(5).trim();
            }
        });
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
