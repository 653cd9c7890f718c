package dev.spotter.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts the services' own spans: the outbox relay's sends, an event's processing, an escalation step, a page's
 * delivery, a stream push. Each names its clinic (the tenant) and nothing of the patient.
 */
@ApplicationScoped
public class Spans {

    /** The clinic whose work a span is: on every span of ours, and on the HTTP server span of a signed-in request. */
    public static final AttributeKey<String> CLINIC = AttributeKey.stringKey("spotter.clinic_id");

    @Inject
    Tracer tracer;

    /** A span of the clinic's work under {@code parent}, started now; the caller ends it. */
    public Span start(String name, SpanKind kind, Context parent, String clinicId) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).setAttribute(CLINIC, clinicId).startSpan();
    }

    /** Marks the span failed with the failure's type only: a message may quote data. */
    public static void failed(Span span, Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
