package nl.tijdig.events;

import java.util.Objects;

/** Checks shared by the event records' constructors. */
final class Values {

    private Values() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, field + " is required");
    }

    static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static <T> java.util.List<T> list(java.util.List<T> value, String field) {
        return java.util.List.copyOf(required(value, field));
    }
}
