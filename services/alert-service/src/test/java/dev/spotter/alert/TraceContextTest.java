package dev.spotter.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.EncodedEvent;
import dev.spotter.events.Priority;
import dev.spotter.events.Topics;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.RecordedSpans;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A stop-symptom event that carries a trace ({@code traceparent}) raises its alert and pages within that trace: the
 * event's processing, the page's delivery by webhook (later, by a sender, from the stored page) and the
 * {@code AlertRaised} it sends on are spans of it, each naming the clinic; the webhook request carries the page's span.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_alert"))
class TraceContextTest {

    private static final WebhookReceiver HOOKS = WebhookReceiver.start();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @AfterAll
    static void stopReceiver() {
        HOOKS.close();
    }

    @Test
    void aStopSymptomsTraceRunsOnThroughTheAlertToTheWebhookPage() throws Exception {
        TestClinic clinic = new TestClinic("trc", bootstrapServers);
        clinic.clinician("dr.primary", Map.of("displayName", "Dr Primary", "webhookUrl", HOOKS.url(clinic.id + "/primary")));
        clinic.settings("dr.primary");
        clinic.asAdmin().post("/api/roster/webhook-secret").then().statusCode(200);
        clinic.onCall("dr.primary", "PRIMARY");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String sendSpan = "00f067aa0ba902b7";
        UUID session = UUID.randomUUID();

        EncodedEvent symptom = TestEvents.encode(TestEvents.symptom(clinic.id, session, "chest-pain", Priority.HIGH));
        Map<String, String> headers = new HashMap<>(symptom.headers());
        headers.put("traceparent", "00-" + traceId + "-" + sendSpan + "-01");
        new KafkaTestClient(bootstrapServers).send(symptom.topic(), symptom.key(), headers, symptom.data());
        WebhookReceiver.Request hook = HOOKS.await(request -> request.path().endsWith(clinic.id + "/primary"), 1, Duration.ofSeconds(20))
                .getFirst();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(traceId))
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("page webhook")));
        List<SpanData> trace = spansOf(traceId);
        SpanData processing = named(trace, Topics.SESSION_EVENTS.name() + " process");
        SpanData page = named(trace, "page webhook");
        assertThat(processing.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(ancestors(trace, processing)).as("the sender's span is the processing's ancestor").contains(sendSpan);
        assertThat(page.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(page.getParentSpanId()).as("the page was made while the event was processed").isEqualTo(processing.getSpanId());
        assertThat(page.getAttributes().asMap().toString()).contains("spotter.delivery.outcome=delivered");
        assertThat(hook.header("traceparent")).as("the gateway is sent the attempt's span")
                .isEqualTo("00-" + traceId + "-" + page.getSpanId() + "-01");
        assertThat(List.of(processing, page)).allSatisfy(span -> assertThat(span.getAttributes().get(Spans.CLINIC)).isEqualTo(clinic.id));
        assertThat(trace).allSatisfy(span -> assertThat(RecordedSpans.values(span)).as("no symptom in a span").doesNotContain("chest-pain"));
        assertThat(storedTraceContexts("SELECT trace_context::text FROM alert WHERE session_id = ?", session))
                .singleElement().asString().contains(traceId);
        assertThat(storedTraceContexts("""
                SELECT p.trace_context::text FROM alert_page p JOIN alert a ON a.id = p.alert_id WHERE a.session_id = ?""", session))
                .isNotEmpty().allSatisfy(context -> assertThat(context).contains(traceId));
        assertThat(alertRaisedTraceparent(session)).as("AlertRaised, on to session-service").contains(traceId);
    }

    private List<SpanData> spansOf(String traceId) {
        return RecordedSpans.ofTrace(spans, traceId);
    }

    private static SpanData named(List<SpanData> trace, String name) {
        return trace.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + trace.stream().map(SpanData::getName).toList()));
    }

    /** The span ids above a span, up to the first not recorded here (the remote sender's). */
    private static List<String> ancestors(List<SpanData> trace, SpanData span) {
        List<String> ancestors = new ArrayList<>();
        String parent = span.getParentSpanId();
        while (parent != null && !ancestors.contains(parent)) {
            ancestors.add(parent);
            String current = parent;
            parent = trace.stream().filter(s -> s.getSpanId().equals(current)).map(SpanData::getParentSpanId).findFirst().orElse(null);
        }
        return ancestors;
    }

    private List<String> storedTraceContexts(String query, UUID session) throws Exception {
        List<String> contexts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(query)) {
            select.setObject(1, session);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    contexts.add(rows.getString(1));
                }
            }
        }
        return contexts;
    }

    private String alertRaisedTraceparent(UUID session) {
        List<ConsumerRecord<String, byte[]>> records = new KafkaTestClient(bootstrapServers).read(Topics.ALERT_EVENTS.name(),
                read -> read.stream().anyMatch(r -> isRaisedFor(r, session)), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> raised = records.stream().filter(r -> isRaisedFor(r, session)).findFirst().orElseThrow();
        return new String(raised.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
    }

    private static boolean isRaisedFor(ConsumerRecord<String, byte[]> record, UUID session) {
        return session.toString().equals(record.key())
                && "dev.spotter.alert.alert-raised.v1".equals(KafkaTestClient.header(record, CloudEventCodec.H_TYPE));
    }
}
