package nl.tijdig.eventstore;

import java.util.Objects;
import java.util.UUID;

/** A stream: the events of one aggregate, e.g. one invoice ({@code type} "invoice"). */
public record StreamRef(UUID id, String type) {

    public StreamRef {
        Objects.requireNonNull(id, "stream id");
        Objects.requireNonNull(type, "stream type");
    }
}
