package dev.spotter.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An event as it travels on Kafka: topic, key, CloudEvents binary-mode headers and the JSON data. */
public record EncodedEvent(String topic, String key, Map<String, String> headers, byte[] data) {

    public EncodedEvent {
        headers = Map.copyOf(headers);
    }

    public String dataAsString() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
