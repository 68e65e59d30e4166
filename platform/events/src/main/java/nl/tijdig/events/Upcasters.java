package nl.tijdig.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an event document of an older version into the current version, one step at a time
 * ({@code v1 → v2 → v3}), before it is mapped to its record. Producers publish only the current
 * version; consumers read every version that was ever published (from Kafka or a replayed store).
 */
public final class Upcasters {

    /** One step: a document of {@link #fromType()} becomes one of {@link #toType()}. */
    public interface Upcaster {
        String fromType();

        String toType();

        ObjectNode upcast(ObjectNode data);
    }

    /** A document with its (possibly new) type. */
    public record Upcasted(String type, ObjectNode data) {
    }

    private final Map<String, Upcaster> byFromType = new HashMap<>();

    private Upcasters(List<Upcaster> upcasters) {
        for (Upcaster upcaster : upcasters) {
            if (byFromType.put(upcaster.fromType(), upcaster) != null) {
                throw new IllegalArgumentException("two upcasters from " + upcaster.fromType());
            }
        }
    }

    public static Upcasters none() {
        return new Upcasters(List.of());
    }

    public static Upcasters of(Upcaster... upcasters) {
        return new Upcasters(List.of(upcasters));
    }

    /** Applies every step that applies, in order, until the type has no upcaster. */
    public Upcasted upcast(String type, ObjectNode data) {
        String current = type;
        ObjectNode document = data;
        int steps = 0;
        for (Upcaster step = byFromType.get(current); step != null; step = byFromType.get(current)) {
            if (++steps > 100) {
                throw new IllegalStateException("upcasters from " + type + " form a cycle");
            }
            document = step.upcast(document.deepCopy());
            current = step.toType();
        }
        return new Upcasted(current, document);
    }
}
