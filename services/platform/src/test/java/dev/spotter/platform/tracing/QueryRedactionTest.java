package dev.spotter.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.UrlAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an HTTP span keeps of a request's address once {@link QueryRedaction} has seen it start. */
class QueryRedactionTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(new QueryRedaction()).addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

    @AfterEach
    void stop() {
        tracing.close();
    }

    @Test
    void theQueryIsReplacedAndThePathKept() {
        SpanData span = request(Attributes.of(UrlAttributes.URL_PATH, "/api/sessions", UrlAttributes.URL_QUERY, "status=ACTIVE&q=Ana Ferreira"));

        assertThat(span.getAttributes().get(UrlAttributes.URL_PATH)).isEqualTo("/api/sessions");
        assertThat(span.getAttributes().get(UrlAttributes.URL_QUERY)).isEqualTo(QueryRedaction.REDACTED);
    }

    @Test
    void aFullAddressAndAnOldStyleTargetLoseTheirQueryOnly() {
        SpanData span = request(Attributes.of(UrlAttributes.URL_FULL, "https://gateway.example/hook?token=Ana",
                QueryRedaction.HTTP_TARGET, "/api/sessions?q=Ana"));

        assertThat(span.getAttributes().get(UrlAttributes.URL_FULL)).isEqualTo("https://gateway.example/hook?" + QueryRedaction.REDACTED);
        assertThat(span.getAttributes().get(QueryRedaction.HTTP_TARGET)).isEqualTo("/api/sessions?" + QueryRedaction.REDACTED);
    }

    @Test
    void anAddressWithoutAQueryIsLeftAsItIs() {
        SpanData span = request(Attributes.of(UrlAttributes.URL_PATH, "/api/courses", QueryRedaction.HTTP_TARGET, "/api/courses"));

        assertThat(span.getAttributes().asMap()).containsOnlyKeys(UrlAttributes.URL_PATH, QueryRedaction.HTTP_TARGET);
        assertThat(span.getAttributes().get(QueryRedaction.HTTP_TARGET)).isEqualTo("/api/courses");
    }

    /** A server span started with these attributes, as Quarkus's HTTP instrumentation starts one, and ended. */
    private SpanData request(Attributes attributes) {
        tracing.get("test").spanBuilder("GET").setSpanKind(SpanKind.SERVER).setAllAttributes(attributes).startSpan().end();
        return exported.getFinishedSpanItems().getLast();
    }
}
