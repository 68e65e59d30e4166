package nl.tijdig.events;

import java.util.Objects;

/**
 * One entry of the catalogue: the CloudEvents {@code type} ({@code nl.tijdig.<context>.<Name>.v<N>},
 * independent of the Java class name), the record it maps to, and where its schema and example live.
 */
public record EventType(BoundedContext context, String name, int version, Class<? extends PublicEvent> javaType) {

    public EventType {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        if (!name.matches("[A-Z][A-Za-z]+")) {
            throw new IllegalArgumentException("event name must be UpperCamelCase: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more: " + version);
        }
    }

    /** The CloudEvents type, e.g. {@code nl.tijdig.invoice.InvoiceIssued.v1}. */
    public String type() {
        return typeName(context, name, version);
    }

    public String topic() {
        return context.topic();
    }

    /** Classpath resource of the JSON Schema (draft 2020-12). */
    public String schemaResource() {
        return "nl/tijdig/events/schemas/" + name + ".v" + version + ".schema.json";
    }

    /** Classpath resource of the example document: the contract consumers test against. */
    public String exampleResource() {
        return "nl/tijdig/events/examples/" + name + ".v" + version + ".json";
    }

    static String typeName(BoundedContext context, String name, int version) {
        return "nl.tijdig." + context.id() + "." + name + ".v" + version;
    }

    @Override
    public String toString() {
        return type();
    }
}
