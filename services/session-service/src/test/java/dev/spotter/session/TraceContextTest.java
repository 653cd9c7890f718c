package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Topics;
import dev.spotter.platform.tracing.QueryRedaction;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.RecordedSpans;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.SseClient;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.UrlAttributes;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A tablet's stop-symptom sent within a trace (its {@code traceparent}) stays in that trace through the outbox: the
 * row keeps the context, and the relay's send is a span of it whose context the Kafka record carries. The session's
 * push to the clinic's tablets is a span of it too. A request's query string never reaches a span, nor does anything
 * of a refused request's body.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class TraceContextTest {

    private static final String NORTH_TABLET = TestTokens.issue("tablet.north", "northside", "tablet");
    private static final String TABLET_SPAN = "00f067aa0ba902b7";
    private static final String NAME = "Philippa Wrenfield";
    /** What is looked for: the surname alone, in whatever way the spaces of the whole name were written. */
    private static final String SURNAME = "Wrenfield";

    @TestHTTPResource("/api/sessions/stream")
    URI streamUri;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aStopSymptomsTraceGoesThroughTheOutboxRowIntoTheKafkaRecord() throws Exception {
        String session = startSession(clearedPatient());
        String traceId = newTraceId();

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).header("traceparent", traceparent(traceId))
                .body(Map.of("code", "chest-pain")).when().post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(201);

        assertThat(storedTraceContext(session)).contains("\"traceparent\"").contains(traceId);
        ConsumerRecord<String, byte[]> symptom = symptomRecord(session);
        String traceparent = KafkaTestClient.header(symptom, "traceparent");
        assertThat(traceparent).as("the record's trace context").startsWith("00-" + traceId + "-").endsWith("-01");
        String sendSpanId = traceparent.split("-")[2];

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(traceId))
                .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.SERVER)));
        List<SpanData> trace = spansOf(traceId);
        SpanData request = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData send = trace.stream().filter(span -> span.getSpanId().equals(sendSpanId)).findFirst().orElseThrow();
        assertThat(request.getParentSpanId()).as("the tablet's span is the request's parent").isEqualTo(TABLET_SPAN);
        assertThat(request.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo(Topics.SESSION_EVENTS.name() + " publish");
        assertThat(send.getParentSpanId()).as("the send is a child of the request").isEqualTo(request.getSpanId());
        assertThat(send.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(trace).allSatisfy(span -> assertThat(span.getAttributes().asMap().values().toString())
                .as("no symptom in a span").doesNotContain("chest-pain"));
    }

    @Test
    void theSessionsPushToTheClinicsTabletsIsASpanOfTheRequestThatChangedIt() throws Exception {
        String session = startSession(clearedPatient());
        String traceId = newTraceId();

        try (SseClient tablets = SseClient.open(streamUri, NORTH_TABLET)) {
            assertThat(tablets.next("subscribed", Duration.ofSeconds(10))).isNotNull();
            given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).header("traceparent", traceparent(traceId))
                    .body(Map.of("code", "chest-pain")).when().post("/api/sessions/{id}/symptoms", session)
                    .then().statusCode(201);
            assertThat(tablets.next(event -> "session-updated".equals(event.name()) && session.equals(event.id()),
                    Duration.ofSeconds(10))).isNotNull();
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(traceId))
                .anySatisfy(span -> assertThat(span.getName()).isEqualTo("session-updated push")));
        List<SpanData> trace = spansOf(traceId);
        SpanData request = trace.stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        SpanData push = trace.stream().filter(span -> span.getName().equals("session-updated push")).findFirst().orElseThrow();
        assertThat(push.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(push.getParentSpanId()).as("the push is a child of the request that changed the session").isEqualTo(request.getSpanId());
        assertThat(push.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(push.getAttributes().get(AttributeKey.longKey("spotter.stream.subscribers"))).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void aQueryStringAndARefusedBodyStayOutOfTheRequestsSpan() {
        String listed = newTraceId();
        String refused = newTraceId();

        given().auth().oauth2(NORTH_TABLET).header("traceparent", traceparent(listed)).queryParam("status", "ACTIVE")
                .queryParam("patient", NAME).when().get("/api/sessions").then().statusCode(200);
        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).header("traceparent", traceparent(refused))
                .body(Map.of("patientId", UUID.randomUUID().toString(), "spotter", "Sam Spotter", "painBefore", NAME,
                        "bloodPressure", Map.of("systolic", 122, "diastolic", 76)))
                .when().post("/api/sessions").then().statusCode(400);

        SpanData list = awaitRequestSpan(listed);
        assertThat(list.getAttributes().get(UrlAttributes.URL_PATH)).isEqualTo("/api/sessions");
        assertThat(list.getAttributes().get(UrlAttributes.URL_QUERY)).isEqualTo(QueryRedaction.REDACTED);
        SpanData refusal = awaitRequestSpan(refused);
        assertThat(refusal.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(List.of(list, refusal)).allSatisfy(span -> assertThat(RecordedSpans.values(span))
                .as("the request's span, its events too").doesNotContain(SURNAME));
    }

    @Test
    void anInvalidTraceparentStartsATraceOfTheRequestsOwn() throws Exception {
        String session = startSession(clearedPatient());

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).header("traceparent", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01")
                .body(Map.of("code", "chest-pain")).when().post("/api/sessions/{id}/symptoms", session)
                .then().statusCode(201);

        // an invalid traceparent starts a new trace: the request's own, never the all-zero one
        String traceparent = KafkaTestClient.header(symptomRecord(session), "traceparent");
        assertThat(traceparent).doesNotContain("0".repeat(32));
    }

    private UUID clearedPatient() {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        UUID patient = UUID.randomUUID();
        kafka.send(TestEvents.encode(TestEvents.patientRegistered("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.defaultPlan("northside", patient)));
        kafka.send(TestEvents.encode(TestEvents.clearedScreening("northside", patient, Instant.now().plus(Duration.ofDays(1)))));
        return patient;
    }

    private String startSession(UUID patient) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON)
                    .body(Map.of("patientId", patient.toString(), "spotter", "Sam Spotter", "bloodPressure",
                            Map.of("systolic", 122, "diastolic", 76), "painBefore", 4)).when().post("/api/sessions");
            id[0] = response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
            return id[0] != null;
        });
        return id[0];
    }

    private ConsumerRecord<String, byte[]> symptomRecord(String session) {
        KafkaTestClient kafka = new KafkaTestClient(bootstrapServers);
        List<ConsumerRecord<String, byte[]>> records = kafka.read(Topics.SESSION_EVENTS.name(),
                read -> read.stream().anyMatch(r -> isSymptomOf(r, session)), Duration.ofSeconds(20));
        return records.stream().filter(r -> isSymptomOf(r, session)).findFirst().orElseThrow();
    }

    private static boolean isSymptomOf(ConsumerRecord<String, byte[]> record, String session) {
        return session.equals(record.key())
                && "dev.spotter.session.symptom-reported.v1".equals(KafkaTestClient.header(record, CloudEventCodec.H_TYPE));
    }

    private String storedTraceContext(String session) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT trace_context::text FROM outbox_message WHERE message_key = ? AND event_type = ?")) {
            query.setString(1, session);
            query.setString(2, "dev.spotter.session.symptom-reported.v1");
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the outbox row").isTrue();
                return row.getString(1);
            }
        }
    }

    private SpanData awaitRequestSpan(String traceId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spansOf(traceId))
                .anySatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.SERVER)));
        return spansOf(traceId).stream().filter(span -> span.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
    }

    private List<SpanData> spansOf(String traceId) {
        return RecordedSpans.ofTrace(spans, traceId);
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** The header a tablet that traces would send: its own span, sampled. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + TABLET_SPAN + "-01";
    }
}
