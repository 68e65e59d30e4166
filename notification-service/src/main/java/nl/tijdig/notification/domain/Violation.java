package nl.tijdig.notification.domain;

/** A field of a request that is wrong, and why. */
public record Violation(String field, String message) {
}
