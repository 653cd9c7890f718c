package dev.spotter.events;

/** A message that can never be processed as it is (bad envelope, unknown type, invalid data): it belongs on a dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
