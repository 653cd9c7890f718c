package dev.spotter.platform.tracing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, and {@code tracestate} when there is one) of work that goes on later,
 * elsewhere: kept with an outbox row, an alert or a page, so what the relay or a sender does then joins the trace of
 * the request or event that made it. Empty when there is no trace (tracing switched off).
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The current span's context as W3C headers; empty when no span is current. */
    public static Map<String, String> current() {
        return of(Context.current());
    }

    /** A context's span as W3C headers; empty when it has none. */
    public static Map<String, String> of(Context context) {
        Map<String, String> headers = new HashMap<>(2);
        if (Span.fromContext(context).getSpanContext().isValid()) {
            W3C.inject(context, headers, Map::put);
        }
        return headers;
    }

    /** The current span's context as a JSON object of W3C headers, for a column; null when no span is current. */
    public static String currentAsJson() {
        Map<String, String> headers = current();
        try {
            return headers.isEmpty() ? null : JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trace headers not writable as JSON", e);
        }
    }

    /** The parent that stored W3C headers name; the root context when they name none. */
    public static Context parent(Map<String, String> headers) {
        return headers == null || headers.isEmpty() ? Context.root() : W3C.extract(Context.root(), headers, FROM_MAP);
    }

    /** As {@link #parent(Map)}, from a JSON column; a column that cannot be read gives the root context. */
    public static Context parentFromJson(String json) {
        if (json == null || json.isBlank()) {
            return Context.root();
        }
        try {
            return parent(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            return Context.root();
        }
    }
}
