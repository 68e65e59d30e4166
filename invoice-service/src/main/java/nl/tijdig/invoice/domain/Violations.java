package nl.tijdig.invoice.domain;

import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Violation;

/** Collects the violations of a command, so that a client learns every wrong field at once. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        }
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Violation> list() {
        return List.copyOf(found);
    }
}
