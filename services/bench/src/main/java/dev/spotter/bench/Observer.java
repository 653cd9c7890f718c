package dev.spotter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.WebhookReceiver;
import dev.spotter.testing.PostgresDatabases;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The clinicians' side: each clinic's console stream and the webhook receiver. Times each stop-symptom from the
 * tablet's request to the alert on the console and to its first page, in microseconds, in the histogram of the phase
 * it was sent in; keeps what the delivery check needs; and acknowledges each alert once paged, as a clinician would.
 * A first page is a level-0 page of the cause that raised the alert.
 */
final class Observer implements AutoCloseable {

    enum Phase { WARM_UP, MEASURED, FAULTS }

    final Map<Phase, Histogram> toConsole = new ConcurrentHashMap<>();
    final Map<Phase, Histogram> toWebhook = new ConcurrentHashMap<>();
    private final BenchPlatform platform;
    private final Api api;
    private final List<BenchClinic> clinics;
    private final WebhookReceiver hooks;
    private final Map<UUID, Sent> sent = new ConcurrentHashMap<>();
    private final Set<UUID> seenOnConsole = ConcurrentHashMap.newKeySet();
    private final Set<UUID> pagedSessions = ConcurrentHashMap.newKeySet();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<Recording.SeenAlert> alerts = Collections.synchronizedList(new ArrayList<>());
    private final List<Recording.FirstPage> pages = Collections.synchronizedList(new ArrayList<>());
    private final List<SseClient> streams = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private volatile Phase phase = Phase.WARM_UP;
    private volatile boolean open = true;
    private int webhookRead;

    private record Sent(Instant at, Phase phase) {
    }

    Observer(BenchPlatform platform, Api api, List<BenchClinic> clinics, WebhookReceiver hooks) {
        this.platform = platform;
        this.api = api;
        this.clinics = clinics;
        this.hooks = hooks;
        for (Phase each : Phase.values()) {
            toConsole.put(each, new ConcurrentHistogram(3));
            toWebhook.put(each, new ConcurrentHistogram(3));
        }
        connect();
        readers.add(Thread.ofVirtual().name("webhook-reader").start(this::readWebhooks));
    }

    void phase(Phase now) {
        phase = now;
    }

    /** A stop-symptom is about to be sent for {@code session}. */
    void expect(UUID session, Instant at) {
        sent.put(session, new Sent(at, phase));
    }

    /** Opens every clinic's console stream again (after alert-service restarted; what it missed, the list has). */
    synchronized void connect() {
        streams.forEach(SseClient::close);
        streams.clear();
        for (BenchClinic clinic : clinics) {
            SseClient stream = SseClient.open(platform.uri("alert-service", "/api/alerts/stream"), clinic.clinician);
            streams.add(stream);
            readers.add(Thread.ofVirtual().name("console-" + clinic.id).start(() -> readConsole(stream)));
        }
    }

    /** Whether a stop-symptom sent after {@code since} has paged its clinician at level 0. */
    boolean pagedSymptomSentAfter(Instant since) {
        return pagedSessions.stream().map(sent::get).anyMatch(symptom -> symptom != null && symptom.at().isAfter(since));
    }

    /** Whether every accepted stop-symptom has paged its clinician (the console may have missed some while it restarted). */
    boolean allPaged(List<Recording.SentSymptom> symptoms) {
        return symptoms.stream().filter(symptom -> symptom.status() / 100 == 2)
                .allMatch(symptom -> pagedSessions.contains(symptom.sessionId()));
    }

    /**
     * What the delivery check needs: the alerts streamed, every session's alert in alert-service's database (the clinic's
     * list shows only its newest hundred, and the stream misses what it raised while a console was reconnecting), and
     * the first pages.
     */
    Recording recording(List<Recording.SentSymptom> symptoms) throws SQLException {
        readWebhooksOnce();
        List<Recording.SeenAlert> seen = new ArrayList<>(alerts);
        try (Connection connection = DriverManager.getConnection(BenchPlatform.directUrl("alert-service"), PostgresDatabases.user(),
                PostgresDatabases.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT session_id, id FROM alert WHERE session_id IS NOT NULL")) {
            while (rows.next()) {
                seen.add(new Recording.SeenAlert(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), "database"));
            }
        }
        return new Recording(symptoms, seen, List.copyOf(pages));
    }

    private void readConsole(SseClient stream) {
        try {
            while (open) {
                SseClient.Event event = stream.next("alert-raised", Duration.ofSeconds(1));
                if (event != null) {
                    JsonNode alert = Api.JSON.readTree(event.data());
                    if (alert.hasNonNull("sessionId")) {
                        UUID session = UUID.fromString(alert.get("sessionId").asText());
                        alerts.add(new Recording.SeenAlert(session, UUID.fromString(alert.get("id").asText()), "stream"));
                        record(toConsole, seenOnConsole, session, event.receivedAt());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new IllegalStateException("an alert on the stream is not JSON", e);
        }
    }

    private void readWebhooks() {
        while (open) {
            readWebhooksOnce();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void readWebhooksOnce() {
        List<WebhookReceiver.Request> requests = hooks.requests();
        for (; webhookRead < requests.size(); webhookRead++) {
            WebhookReceiver.Request request = requests.get(webhookRead);
            JsonNode page = json(request.body());
            if (!"alert.page".equals(page.path("type").asText()) || !page.hasNonNull("sessionId")) {
                continue;
            }
            UUID session = UUID.fromString(page.get("sessionId").asText());
            UUID alert = UUID.fromString(page.get("alertId").asText());
            // a later cause (a watchdog's flag, another symptom) pages again from level 0 by design: not a second first page
            if (page.get("level").asInt() == 0 && page.path("cause").asText().equals(page.path("firstCause").asText())) {
                pages.add(new Recording.FirstPage(session, alert, UUID.fromString(page.get("deliveryId").asText()), request.at()));
                record(toWebhook, pagedSessions, session, request.at());
            }
            if (acknowledged.add(alert)) {
                BenchClinic clinic = clinics.stream().filter(c -> c.id.equals(page.get("clinicId").asText())).findFirst().orElseThrow();
                Thread.ofVirtual().start(() -> api.post(platform.uri("alert-service", "/api/alerts/" + alert + "/acknowledge"),
                        clinic.clinician, Map.of()));
            }
        }
    }

    private void record(Map<Phase, Histogram> histograms, Set<UUID> seen, UUID session, Instant at) {
        Sent symptom = sent.get(session);
        if (symptom != null && seen.add(session)) {
            histograms.get(symptom.phase()).recordValue(Math.max(0, Duration.between(symptom.at(), at).toNanos() / 1000));
        }
    }

    private static JsonNode json(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a webhook body is not JSON: " + body, e);
        }
    }

    @Override
    public void close() {
        open = false;
        streams.forEach(SseClient::close);
        readers.forEach(Thread::interrupt);
    }
}
