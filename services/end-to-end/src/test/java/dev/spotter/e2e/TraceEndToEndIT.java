package dev.spotter.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.e2e.TraceReceiver.ReceivedSpan;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.WebhookReceiver;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One stop-symptom is one trace across the three packaged services, as a collector receives it over OTLP: the tablet's
 * request, the outbox relay's send, alert-service's receipt and processing (the alert raised and announced), the page
 * to the clinician's webhook, the pushes to the console and the tablets, and the alert's status back on the session.
 * Every span of ours names the clinic; no span holds the patient's name, not from a query string, not from a refused
 * request's body.
 */
class TraceEndToEndIT {

    private static final String NAME = "Ottoline Brackenbury";
    /** What is looked for: the surname alone, in whatever way the spaces of the whole name were written. */
    private static final String SURNAME = "Brackenbury";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CLINIC_ATTRIBUTE = "spotter.clinic_id";
    // HTTP/1.1 as a tablet speaks it over plain http
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Platform platform;
    private static Clinic clinic;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = Platform.shared();
        clinic = new Clinic(platform, "tideside", "tide");
    }

    @Test
    void aStopSymptomIsOneTraceFromTheTabletsRequestToThePageAndNoSpanNamesThePatient() throws Exception {
        clinic.rosterOnCall("dr.tide", "Dr Rowan Tideside", platform.pager.url("tideside"));
        String patient = clinic.register(NAME);
        assertThat(clinic.screen(patient, Map.of())).isEqualTo("CLEARED");
        String session = clinic.startSessionWhenCleared(patient);

        WebhookReceiver.Request page;
        try (SseClient console = SseClient.open(platform.alert.uri("/api/alerts/stream"), clinic.tokens.get("clinician"));
             SseClient tablets = SseClient.open(platform.session.uri("/api/sessions/stream"), clinic.tokens.get("tablet"))) {
            assertThat(console.next("subscribed", PATIENCE)).isNotNull();
            assertThat(tablets.next("subscribed", PATIENCE)).isNotNull();
            assertThat(clinic.logSymptom(session, "chest-pain").status()).isEqualTo(201);
            assertThat(console.next("alert-raised", PATIENCE)).as("the alert on the console").isNotNull();
            page = platform.pager.await(request -> request.path().equals("/tideside"), 1, PATIENCE).getFirst();
        }

        String traceId = awaitSpan(span -> span.service().equals("session-service") && span.kind().equals("SERVER")
                && ("/api/sessions/" + session + "/symptoms").equals(span.attribute("url.path"))).traceId();
        List<String> expected = List.of(
                "session-service: spotter.session-events publish", "session-service: session-updated push",
                "alert-service: spotter.session-events receive", "alert-service: spotter.session-events process",
                "alert-service: spotter.alert-events publish", "alert-service: alert-raised push", "alert-service: page webhook",
                "session-service: spotter.alert-events process");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(platform.traces.trace(traceId).stream()
                .map(span -> span.service() + ": " + span.name()).toList()).containsAll(expected));
        List<ReceivedSpan> trace = platform.traces.trace(traceId);

        ReceivedSpan request = one(trace, span -> span.kind().equals("SERVER") && span.service().equals("session-service"));
        ReceivedSpan send = named(trace, "session-service", "spotter.session-events publish");
        ReceivedSpan receive = named(trace, "alert-service", "spotter.session-events receive");
        ReceivedSpan processing = named(trace, "alert-service", "spotter.session-events process");
        ReceivedSpan webhook = named(trace, "alert-service", "page webhook");
        assertThat(request.parentSpanId()).as("the tablet sent no trace: its request starts it").isEmpty();
        assertThat(List.of(send.kind(), receive.kind(), processing.kind(), webhook.kind()))
                .containsExactly("PRODUCER", "CONSUMER", "CONSUMER", "CLIENT");
        assertThat(send.parentSpanId()).as("the relay's send, under the request").isEqualTo(request.spanId());
        assertThat(receive.parentSpanId()).as("alert-service's receipt, from the record's traceparent").isEqualTo(send.spanId());
        assertThat(processing.parentSpanId()).as("the alert raised, under the receipt").isEqualTo(receive.spanId());
        assertThat(webhook.parentSpanId()).as("the page, made while the event was processed").isEqualTo(processing.spanId());
        assertThat(webhook.attribute("spotter.delivery.outcome")).isEqualTo("delivered");
        assertThat(page.header("traceparent")).as("the gateway is sent the page's span")
                .isEqualTo("00-" + traceId + "-" + webhook.spanId() + "-01");
        assertThat(trace.stream().filter(span -> !span.name().endsWith(" receive")).toList())
                .as("every span but the Kafka connector's names the clinic")
                .allSatisfy(span -> assertThat(span.attribute(CLINIC_ATTRIBUTE)).as(span.name()).isEqualTo(clinic.id));
        assertThat(trace).allSatisfy(span -> assertThat(span.values()).as("no symptom in a span").doesNotContain("chest-pain"));
        assertNoSpanNamesThePatient();
    }

    @Test
    void aQueryStringOrARefusedBodyLeavesNothingOfThePatientInASpan() throws Exception {
        String patient = clinic.register(NAME);
        assertThat(clinic.screen(patient, Map.of())).isEqualTo("CLEARED");
        String listed = newTraceId();
        String refused = newTraceId();

        // a filter as a user might type it, and a name in a field of the wrong type, each sent by a tablet that traces
        assertThat(sendInTrace(listed, "GET", platform.session.uri("/api/sessions?status=ACTIVE&patient="
                + URLEncoder.encode(NAME, StandardCharsets.UTF_8).replace("+", "%20")), null)).isEqualTo(200);
        assertThat(sendInTrace(refused, "POST", platform.session.uri("/api/sessions"), Http.JSON.writeValueAsString(Map.of(
                "patientId", patient, "spotter", "Sam Spotter", "painBefore", NAME,
                "bloodPressure", Map.of("systolic", 122, "diastolic", 76))))).isEqualTo(400);

        ReceivedSpan list = awaitSpan(span -> span.traceId().equals(listed) && span.kind().equals("SERVER"));
        ReceivedSpan refusal = awaitSpan(span -> span.traceId().equals(refused) && span.kind().equals("SERVER"));
        assertThat(list.attribute("url.path")).isEqualTo("/api/sessions");
        assertThat(list.attribute("url.query")).isEqualTo("REDACTED");
        assertThat(refusal.attribute("http.response.status_code")).isEqualTo("400");
        assertThat(List.of(list, refusal)).allSatisfy(span -> assertThat(span.attribute(CLINIC_ATTRIBUTE)).isEqualTo(clinic.id));
        // the registration's too: its request's body held the name
        assertThat(platform.traces.spans()).anySatisfy(span -> {
            assertThat(span.service()).isEqualTo("screening-service");
            assertThat(span.attribute(CLINIC_ATTRIBUTE)).isEqualTo(clinic.id);
        });
        assertNoSpanNamesThePatient();
    }

    private static void assertNoSpanNamesThePatient() {
        assertThat(platform.traces.spans()).as("spans of every service, of every test so far")
                .allSatisfy(span -> assertThat(span.values()).doesNotContain(SURNAME));
    }

    private static ReceivedSpan awaitSpan(Predicate<ReceivedSpan> wanted) {
        return await().atMost(PATIENCE).until(() -> platform.traces.spans().stream().filter(wanted).findFirst().orElse(null),
                span -> span != null);
    }

    private static ReceivedSpan named(List<ReceivedSpan> trace, String service, String name) {
        return one(trace, span -> span.service().equals(service) && span.name().equals(name));
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, Predicate<ReceivedSpan> wanted) {
        List<ReceivedSpan> found = trace.stream().filter(wanted).toList();
        assertThat(found).as("in %s", trace.stream().map(span -> span.service() + ": " + span.name()).toList()).hasSize(1);
        return found.getFirst();
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A request as the clinic's tablet sends it when it traces too: its own span as the {@code traceparent}. */
    private static int sendInTrace(String traceId, String method, URI uri, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + clinic.tokens.get("tablet"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
