package dev.spotter.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads events as CloudEvents 1.0 in Kafka binary mode: the attributes travel as
 * {@code ce_*} headers, the event record as JSON data. Extensions: {@code clinicid} and
 * {@code schemaversion}.
 */
public final class CloudEventCodec {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";
    public static final String H_SPEC_VERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_TIME = "ce_time";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_CLINIC = "ce_clinicid";
    public static final String H_SCHEMA_VERSION = "ce_schemaversion";
    public static final String H_CONTENT_TYPE = "content-type";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // additive changes within one version must not break older readers
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final String source;

    /** @param source the CloudEvents source of what this codec encodes, e.g. {@code /spotter/session-service} */
    public CloudEventCodec(String source) {
        this.source = Objects.requireNonNull(source);
    }

    public EncodedEvent encode(SpotterEvent event) {
        Topic<?> topic = Topics.of(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(H_SPEC_VERSION, SPEC_VERSION);
        headers.put(H_ID, event.eventId().toString());
        headers.put(H_SOURCE, source);
        headers.put(H_TYPE, EventTypes.typeOf(event.getClass()));
        headers.put(H_TIME, event.occurredAt().toString());
        headers.put(H_SUBJECT, event.key());
        headers.put(H_CLINIC, event.clinicId());
        headers.put(H_SCHEMA_VERSION, Integer.toString(EventTypes.versionOf(event.getClass())));
        headers.put(H_CONTENT_TYPE, CONTENT_TYPE_JSON);
        return new EncodedEvent(topic.name(), event.key(), headers, toJson(event));
    }

    /** Reads one message of a topic, or throws {@link UnreadableEventException} saying why it cannot be read. */
    public static <E extends SpotterEvent> E decode(Topic<E> topic, Map<String, String> headers, byte[] data) {
        require(SPEC_VERSION.equals(headers.get(H_SPEC_VERSION)), "not a CloudEvents " + SPEC_VERSION + " message");
        String type = headers.get(H_TYPE);
        Class<? extends E> eventClass = topic.eventClassesByType().get(type);
        require(eventClass != null, "unknown event type '" + type + "' on " + topic.name());
        require(Integer.toString(EventTypes.versionOf(eventClass)).equals(headers.get(H_SCHEMA_VERSION)),
                "schema version '" + headers.get(H_SCHEMA_VERSION) + "' does not match " + type);
        require(data != null && data.length > 0, "no data");
        E event = fromJson(data, eventClass);
        require(event.eventId().toString().equals(headers.get(H_ID)), "ce_id does not match the event id");
        require(event.clinicId().equals(headers.get(H_CLINIC)), "ce_clinicid does not match the event's clinic");
        return event;
    }

    public static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <E> E fromJson(byte[] data, Class<E> eventClass) {
        try {
            return JSON.readValue(data, eventClass);
        } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new UnreadableEventException("data is not a valid " + eventClass.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new UnreadableEventException(reason);
        }
    }

    /** The event time as written in the envelope. */
    public static Instant timeOf(Map<String, String> headers) {
        return Instant.parse(headers.get(H_TIME));
    }
}
