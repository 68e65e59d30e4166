package nl.tijdig.invoice.domain;

import java.util.Objects;

/** A rule a command breaks, on a field as the client named it (e.g. {@code lines[1].quantity}). */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
