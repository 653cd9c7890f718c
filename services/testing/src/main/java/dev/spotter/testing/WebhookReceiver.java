package dev.spotter.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A clinic's pager gateway, as far as Spotter can tell: an HTTP server on a free local port that records every webhook
 * request it gets and answers 204, or a chosen status for the next few requests (to make deliveries fail).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: when, its headers (names in lower case) and its body. */
    public record Request(Instant at, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failWith = 503;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver() {
    }

    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.server = LocalHttpServer.start(receiver::handle);
        return receiver;
    }

    /** The address of a hook on this receiver, such as {@code http://127.0.0.1:40123/hooks/dr.north}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path.replaceFirst("^/", "");
    }

    /** The next {@code count} requests are answered with {@code status} instead of 204. */
    public void failNext(int count, int status) {
        failWith = status;
        failuresLeft.set(count);
    }

    /**
     * From now on every request is recorded but not answered until the returned latch is counted down: a pager that is
     * slow to answer, so a test can act while a delivery attempt is in flight.
     */
    public CountDownLatch holdAnswers() {
        CountDownLatch release = new CountDownLatch(1);
        hold = release;
        return release;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Predicate<Request> which) {
        return requests.stream().filter(which).toList();
    }

    /** Waits until at least {@code count} requests match; returns them. */
    public List<Request> await(Predicate<Request> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (requests(which).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching webhook requests within " + timeout + ", got "
                        + requests(which).size() + " of " + requests.size() + ": " + requests);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return requests(which);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            requests.add(new Request(Instant.now(), exchange.getRequestURI().getPath(), Map.copyOf(headers), body));
            awaitRelease();
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failWith : 204;
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void awaitRelease() {
        try {
            if (!hold.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a held webhook request was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
    }
}
