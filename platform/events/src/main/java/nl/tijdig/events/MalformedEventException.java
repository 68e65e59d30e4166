package nl.tijdig.events;

/** A message that is not a valid event of the catalogue: it goes to the consumer's dead letters. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
