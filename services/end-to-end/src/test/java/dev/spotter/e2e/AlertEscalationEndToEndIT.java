package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spotter.events.Priority;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.ServiceProcess;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import dev.spotter.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Escalation across real processes, in real time, paging a webhook receiver: alert-service killed (SIGKILL) between two
 * levels fires the overdue level at once when it is back and repeats nothing; two replicas on one database page each
 * person once per level. Each test's clinic escalates in seconds (a clinic's own escalation), so this takes about 40 s.
 */
class AlertEscalationEndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Platform platform;
    private static WebhookReceiver hooks;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.shared();
        hooks = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        hooks.close();
    }

    @Test
    void aCrashBetweenTwoLevelsFiresTheOverdueLevelOnRestartAndRepeatsNothing() throws Exception {
        String clinic = clinicEscalatingBy(8, 16);
        UUID session = UUID.randomUUID();
        Instant raised = Instant.now();
        send(clinic, session);

        hooks.await(to(clinic, "primary"), 1, WAIT);
        awaitDelivered(clinic, session, 1);
        platform.alert.crash();
        // down past level 1's time (8 s after the raise)
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), raised.plusSeconds(10)).toMillis()));
        platform.alert.restart();
        platform.alert.awaitReady(Duration.ofSeconds(60));

        WebhookReceiver.Request secondary = hooks.await(to(clinic, "secondary"), 1, WAIT).getFirst();
        assertThat(secondary.at()).as("level 1 not before its time").isAfter(raised.plusSeconds(8));
        hooks.await(r -> r.path().startsWith("/" + clinic + "/"), 5, WAIT);
        String alertId = alertOf(clinic, session).get("id").asText();
        assertThat(Http.post(platform.alert.uri("/api/alerts/" + alertId + "/acknowledge"), clinician(clinic), Map.of()).status())
                .isEqualTo(200);

        List<WebhookReceiver.Request> pages = hooks.requests(r -> r.path().startsWith("/" + clinic + "/"));
        assertThat(levelsPaged(pages)).as("each level's page once, across the crash")
                .containsExactly("0 primary", "1 secondary", "2 lead", "2 primary", "2 secondary");
        assertThat(pages.stream().map(r -> r.header("Spotter-Delivery")).distinct()).hasSize(pages.size());
        Thread.sleep(3000);
        assertThat(hooks.requests(r -> r.path().startsWith("/" + clinic + "/"))).as("nothing after the acknowledgement").hasSize(pages.size());

        // and a new symptom is paged again: the restarted replica took over the crashed one's partitions (after the
        // consumers' 10 s session timeout), so the tests after this one find the platform whole
        UUID next = UUID.randomUUID();
        send(clinic, next);
        hooks.await(to(clinic, "primary").and(r -> r.body().contains(next.toString())), 1, WAIT);
    }

    @Test
    void twoReplicasPageEachPersonOncePerLevel() throws Exception {
        String clinic = clinicEscalatingBy(3, 6);
        List<UUID> sessions = new ArrayList<>();
        try (ServiceProcess replica = platform.anotherAlertService()) {
            for (int i = 0; i < 10; i++) {
                UUID session = UUID.randomUUID();
                sessions.add(session);
                send(clinic, session);
            }
            hooks.await(r -> r.path().startsWith("/" + clinic + "/"), sessions.size() * 5, WAIT);
            Thread.sleep(2000); // any duplicate would come now
            for (UUID session : sessions) {
                String alertId = alertOf(clinic, session).get("id").asText();
                Http.post(replica.uri("/api/alerts/" + alertId + "/acknowledge"), clinician(clinic), Map.of());
            }
        }
        List<WebhookReceiver.Request> pages = hooks.requests(r -> r.path().startsWith("/" + clinic + "/"));
        Map<String, List<String>> byAlert = pages.stream().collect(Collectors.groupingBy(
                r -> json(r).get("alertId").asText(), Collectors.mapping(r -> json(r).get("level").asInt() + " " + hook(r), Collectors.toList())));
        assertThat(byAlert).hasSize(sessions.size());
        byAlert.values().forEach(levels -> assertThat(levels.stream().sorted().toList())
                .containsExactly("0 primary", "1 secondary", "2 lead", "2 primary", "2 secondary"));
    }

    // ---- Helpers

    /** A clinic of its own: primary, secondary and lead with webhooks, on call now; HIGH escalating at the given seconds. */
    private static String clinicEscalatingBy(int second, int third) throws Exception {
        String clinic = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = TestTokens.issue("admin.e2e", clinic, "clinic-admin");
        for (String who : List.of("primary", "secondary", "lead")) {
            assertThat(Http.put(platform.alert.uri("/api/roster/clinicians/dr." + who), admin,
                    Map.of("displayName", "Dr " + who, "webhookUrl", hooks.url(clinic + "/" + who))).status()).isEqualTo(200);
        }
        assertThat(Http.put(platform.alert.uri("/api/roster/settings"), admin, Map.of("timeZone", "UTC", "clinicLead", "dr.lead"))
                .status()).isEqualTo(200);
        assertThat(Http.post(platform.alert.uri("/api/roster/webhook-secret"), admin, Map.of()).status()).isEqualTo(200);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        for (String role : List.of("PRIMARY", "SECONDARY")) {
            assertThat(Http.post(platform.alert.uri("/api/roster/shifts"), admin, Map.of("clinician", "dr." + role.toLowerCase(),
                    "role", role, "start", now.minusHours(1).toString(), "end", now.plusHours(4).toString())).status()).isEqualTo(201);
        }
        assertThat(Http.put(platform.alert.uri("/api/roster/escalation/HIGH"), admin, Map.of("levels", List.of(
                Map.of("afterSeconds", 0, "targets", List.of("PRIMARY")),
                Map.of("afterSeconds", second, "targets", List.of("SECONDARY")),
                Map.of("afterSeconds", third, "targets", List.of("ALL_CLINICIANS"))), "repeatSeconds", 120)).status()).isEqualTo(200);
        return clinic;
    }

    private static void send(String clinic, UUID session) {
        new KafkaTestClient(SpotterInfrastructure.kafkaBootstrapServers())
                .send(TestEvents.encode(TestEvents.symptom(clinic, session, "chest-pain", Priority.HIGH)));
    }

    private static String clinician(String clinic) {
        return TestTokens.issue("dr.primary", clinic, "clinician");
    }

    private static JsonNode alertOf(String clinic, UUID session) throws Exception {
        for (JsonNode alert : Http.get(platform.alert.uri("/api/alerts"), clinician(clinic)).body()) {
            if (alert.get("sessionId").asText().equals(session.toString())) {
                return alert;
            }
        }
        throw new AssertionError("no alert for session " + session);
    }

    /** Waits until the alert records that many webhook pages delivered (so a crash cannot cut one off mid-send). */
    private static void awaitDelivered(String clinic, UUID session, int count) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            int delivered = 0;
            for (JsonNode delivery : alertOf(clinic, session).get("deliveries")) {
                delivered += delivery.get("status").asText().equals("DELIVERED") ? 1 : 0;
            }
            if (delivered >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page was not recorded as delivered within " + WAIT);
    }

    private static Predicate<WebhookReceiver.Request> to(String clinic, String who) {
        return request -> request.path().equals("/" + clinic + "/" + who);
    }

    private static List<String> levelsPaged(List<WebhookReceiver.Request> pages) {
        return pages.stream().map(r -> json(r).get("level").asInt() + " " + hook(r)).sorted().toList();
    }

    private static String hook(WebhookReceiver.Request request) {
        return request.path().substring(request.path().lastIndexOf('/') + 1);
    }

    private static JsonNode json(WebhookReceiver.Request request) {
        try {
            return Http.JSON.readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }
}
