package dev.spotter.events;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Kafka topic and the sealed event type it carries. The event types a topic accepts are the
 * permitted subclasses of that sealed type, so adding a record to the hierarchy registers it.
 */
public record Topic<E extends SpotterEvent>(String name, Class<E> eventType) {

    public Topic {
        if (!eventType.isSealed()) {
            throw new IllegalArgumentException(eventType + " must be a sealed interface");
        }
    }

    /** The record classes this topic carries, by CloudEvents type. */
    public Map<String, Class<? extends E>> eventClassesByType() {
        return Arrays.stream(eventType.getPermittedSubclasses())
                .map(c -> c.asSubclass(eventType))
                .collect(Collectors.toUnmodifiableMap(EventTypes::typeOf, Function.identity()));
    }

    public List<Class<? extends E>> eventClasses() {
        return List.copyOf(eventClassesByType().values());
    }

    /** The dead-letter topic where a consuming service parks what it cannot process. */
    public static String deadLetterTopicOf(String service) {
        return "spotter." + service + ".dlq";
    }
}
