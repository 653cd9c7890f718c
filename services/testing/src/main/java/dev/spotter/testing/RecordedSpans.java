package dev.spotter.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The tests' sink for spans: every span a service ends, kept in memory in place of the OTLP exporter. A service's tests
 * get it by indexing this module ({@code %test.quarkus.index-dependency.testing.*} in its application.properties) and
 * inject the {@link InMemorySpanExporter}.
 */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }

    /** The spans of one trace the service has ended so far. */
    public static List<SpanData> ofTrace(InMemorySpanExporter spans, String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** Every attribute value of a span and of its events (an exception's message among them), as one text to search. */
    public static String values(SpanData span) {
        StringBuilder values = new StringBuilder(span.getName()).append(' ').append(span.getAttributes().asMap().values());
        for (EventData event : span.getEvents()) {
            values.append(' ').append(event.getName()).append(' ').append(event.getAttributes().asMap().values());
        }
        return values.toString();
    }
}
