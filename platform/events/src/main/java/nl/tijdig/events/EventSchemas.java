package nl.tijdig.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The published JSON Schemas of the events (JSON Schema 2020-12, in {@code nl/tijdig/events/schemas}), compiled
 * once per type. A producer checks each event against its schema before it is appended, so that nothing
 * that breaks the contract is ever published: a violation is a programming error (the request that caused
 * it should have been refused first), and the append fails with {@link ContractViolation}.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ConcurrentMap<EventType, Schema> COMPILED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** An event that does not match its own published schema. */
    public static final class ContractViolation extends IllegalStateException {
        private final List<String> violations;

        ContractViolation(EventType type, List<String> violations) {
            super(type.type() + " breaks its published schema: " + String.join("; ", violations));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() {
            return violations;
        }
    }

    /** What in the event's data breaks the type's schema: "/debtor/address/countryCode: ..."; empty when it is valid. */
    public static List<String> violations(EventType type, JsonNode data) {
        List<Error> errors = schema(type).validate(data);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Fails with {@link ContractViolation} when the data breaks the type's schema. */
    public static void check(EventType type, JsonNode data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new ContractViolation(type, violations);
        }
    }

    /** As {@link #check(EventType, JsonNode)}, for the JSON an event is sent as. */
    public static void check(EventType type, byte[] json) {
        try {
            check(type, EventJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new ContractViolation(type, List.of("not JSON: " + e.getMessage()));
        }
    }

    /**
     * The type's schema, compiled with its references ({@code common.schema.json}) loaded from this module's
     * class loader whatever thread asks first.
     */
    static Schema schema(EventType type) {
        return COMPILED.computeIfAbsent(type, t -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(EventSchemas.class.getClassLoader());
            try {
                Schema schema = REGISTRY.getSchema(SchemaLocation.of("classpath:" + t.schemaResource()));
                schema.validate(EventJson.mapper().createObjectNode()); // loads what it refers to, now
                return schema;
            } finally {
                thread.setContextClassLoader(previous);
            }
        });
    }
}
