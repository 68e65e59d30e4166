package nl.tijdig.collection.domain;

/** A field of a request that is wrong, and why. */
public record Violation(String field, String message) {
}
