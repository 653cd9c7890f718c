package dev.spotter.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.semconv.UrlAttributes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps query strings out of spans. Quarkus records a request's query on its server span ({@code url.query}), and a
 * query may carry whatever a user typed into a filter; its value is replaced as the span starts, before any exporter
 * sees it. The path stays: its ids are pseudonymous.
 */
@ApplicationScoped
public class QueryRedaction implements SpanProcessor {

    /** What a span holds in place of a query string. */
    public static final String REDACTED = "REDACTED";
    /** The path and query of a request, in the semantic conventions before {@code url.path} and {@code url.query}. */
    static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(UrlAttributes.URL_QUERY) != null) {
            span.setAttribute(UrlAttributes.URL_QUERY, REDACTED);
        }
        redactQueryOf(span, UrlAttributes.URL_FULL);
        redactQueryOf(span, HTTP_TARGET);
    }

    private static void redactQueryOf(ReadWriteSpan span, AttributeKey<String> key) {
        String value = span.getAttribute(key);
        int query = value == null ? -1 : value.indexOf('?');
        if (query >= 0) {
            span.setAttribute(key, value.substring(0, query + 1) + REDACTED);
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
