package nl.tijdig.kernel;

import java.util.Objects;

/**
 * A rule a command breaks, on a field as the client named it (e.g. {@code lines[1].quantity}, {@code body}),
 * and why, in words a client can act on. The one violation type of every service: a {@code Refused} decision
 * carries them, and the API turns them into the 422 problem that names each field.
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
