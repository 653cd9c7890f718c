package dev.spotter.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.spotter.testing.LocalHttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The OpenTelemetry collector, as far as the services can tell: an OTLP/HTTP endpoint on a free local port
 * ({@code POST /v1/traces}, protobuf) that keeps every span it is sent, decoded.
 */
final class TraceReceiver implements AutoCloseable {

    static final String PATH = "/v1/traces";
    private static final String PROTOBUF = "application/x-protobuf";

    /** One span as the collector got it: the service that sent it, ids in hex (no parent: empty), kind without prefix. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                        Map<String, String> attributes, List<String> events) {

        String attribute(String key) {
            return attributes.get(key);
        }

        /** Every value the span holds, its events' too (an exception's message among them), as one text to search. */
        String values() {
            return name + " " + attributes.values() + " " + events;
        }
    }

    private HttpServer server;
    private final Queue<ReceivedSpan> spans = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private TraceReceiver() {
    }

    static TraceReceiver start() {
        TraceReceiver receiver = new TraceReceiver();
        receiver.server = LocalHttpServer.start(receiver::handle);
        return receiver;
    }

    /**
     * What a service needs to send its spans here: the endpoint, OTLP over HTTP, and a batch every 200 ms (instead of
     * every 5 s) so a test waits little for them.
     */
    Map<String, String> serviceEnvironment() {
        return Map.of("SPOTTER_OTEL_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                "SPOTTER_OTEL_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
    }

    /** Every span received so far, of every service and trace. */
    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The spans of one trace received so far. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith(PROTOBUF)) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            keep(ExportTraceServiceRequest.parseFrom(body(exchange)));
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", PROTOBUF);
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            return body;
        }
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return unzipped.readAllBytes();
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = texts(resource.getResource().getAttributesList()).getOrDefault("service.name", "");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(service, hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                            hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name().replace("SPAN_KIND_", ""),
                            texts(span.getAttributesList()), span.getEventsList().stream()
                                    .map(event -> event.getName() + " " + texts(event.getAttributesList()).values()).toList()));
                }
            }
        }
    }

    private static Map<String, String> texts(List<KeyValue> attributes) {
        Map<String, String> texts = new LinkedHashMap<>();
        attributes.forEach(attribute -> texts.put(attribute.getKey(), text(attribute.getValue())));
        return texts;
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(TraceReceiver::text).collect(Collectors.joining(","));
            default -> value.toString();
        };
    }

    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
