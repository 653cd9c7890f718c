package dev.spotter.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spotter.events.CloudEventCodec;
import dev.spotter.events.Topics;
import dev.spotter.platform.tracing.Spans;
import dev.spotter.testing.KafkaTestClient;
import dev.spotter.testing.RecordedSpans;
import dev.spotter.testing.SpotterInfrastructure;
import dev.spotter.testing.TestEvents;
import dev.spotter.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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
 * row keeps the context, and the relay's send is a span of it whose context the Kafka record carries.
 */
@QuarkusTest
@WithTestResource(value = SpotterInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "spotter_test_session"))
class TraceContextTest {

    private static final String NORTH_TABLET = TestTokens.issue("tablet.north", "northside", "tablet");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aStopSymptomsTraceGoesThroughTheOutboxRowIntoTheKafkaRecord() throws Exception {
        String session = startSession(clearedPatient());
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String tabletSpan = "00f067aa0ba902b7";

        given().auth().oauth2(NORTH_TABLET).contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + tabletSpan + "-01")
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
        assertThat(request.getParentSpanId()).as("the tablet's span is the request's parent").isEqualTo(tabletSpan);
        assertThat(request.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo(Topics.SESSION_EVENTS.name() + " publish");
        assertThat(send.getParentSpanId()).as("the send is a child of the request").isEqualTo(request.getSpanId());
        assertThat(send.getAttributes().get(Spans.CLINIC)).isEqualTo("northside");
        assertThat(trace).allSatisfy(span -> assertThat(span.getAttributes().asMap().values().toString())
                .as("no symptom in a span").doesNotContain("chest-pain"));
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

    private List<SpanData> spansOf(String traceId) {
        return RecordedSpans.ofTrace(spans, traceId);
    }
}
