package org.secondopinion.events;

/**
 * A record that is not a valid event of a known type. Consumers let it propagate so that the
 * message goes to the dead-letter topic; its message names what is wrong, never the payload.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
