package dev.spotter.events;

/** Reads the {@link EventType} of an event class. */
public final class EventTypes {

    private EventTypes() {
    }

    public static String typeOf(Class<?> eventClass) {
        EventType type = annotation(eventClass);
        return type.name() + ".v" + type.version();
    }

    public static int versionOf(Class<?> eventClass) {
        return annotation(eventClass).version();
    }

    private static EventType annotation(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @EventType");
        }
        return type;
    }
}
