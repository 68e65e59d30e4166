package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.TenantId;

/** What the invoice-service's stores of event streams share: one public event appended at a time. */
abstract class EventStreams {

    private final String streamType;

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    EventStreams(String streamType) {
        this.streamType = streamType;
    }

    /** Appends the event to its stream, which must be at {@code expectedVersion}, and so to the outbox. */
    Uni<Void> publish(SqlConnection tx, TenantId tenant, UUID streamId, long expectedVersion, PublicEvent event) {
        return store.append(tx, tenant, new StreamRef(streamId, streamType), expectedVersion,
                List.of(NewEvent.published(ids.next(), event))).replaceWithVoid();
    }
}
