package dev.spotter.platform.inbox;

/**
 * A readable event that this service must not apply (its clinic does not match the entity it
 * names, it refers to something that does not exist here...). It goes to the dead-letter topic.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
