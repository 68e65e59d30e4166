package nl.tijdig.kernel;

import java.util.Objects;
import java.util.UUID;

/**
 * An identifier with a type, so that an invoice id cannot be passed where a debtor id is meant.
 * Every id is a UUID the application assigns (see {@link IdGenerator}); the database never does.
 */
public interface TypedId {

    UUID value();

    /** Parses the text form of an id, with a message naming what was expected. */
    static UUID parse(String text, String what) {
        Objects.requireNonNull(text, what);
        try {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not in canonical form");
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what + " (a UUID)", e);
        }
    }

    static UUID require(UUID value, String what) {
        return Objects.requireNonNull(value, what);
    }
}
