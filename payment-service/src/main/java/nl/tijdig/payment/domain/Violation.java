package nl.tijdig.payment.domain;

import java.util.Objects;

/** A rule a command breaks, on a field as the client named it (e.g. {@code allocations[0].amount}). */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
