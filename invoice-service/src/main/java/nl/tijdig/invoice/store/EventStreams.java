package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import io.vertx.mutiny.sqlclient.SqlClient;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.TenantId;

/**
 * What the invoice-service's stores of event streams share: a stream read for the domain to fold
 * ({@link nl.tijdig.invoice.domain.InvoiceEvents}), and one decided public event appended at a time.
 */
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

    /** A stream's events and its version. */
    record Stream(List<InvoiceEvent> events, long version) {
    }

    /** The stream's events, for the domain to fold. */
    Uni<Stream> read(SqlClient client, TenantId tenant, UUID streamId) {
        return store.load(client, tenant, streamId).map(recorded -> new Stream(
                recorded.stream().map(e -> DecisionStore.read(e, InvoiceEvent.class)).toList(),
                recorded.isEmpty() ? 0 : recorded.get(recorded.size() - 1).version()));
    }

    /** Appends the event the domain decided to its stream, which must be at {@code expectedVersion}, and so to the outbox. */
    Uni<Void> publish(SqlConnection tx, TenantId tenant, UUID streamId, long expectedVersion, InvoiceEvent event) {
        return DecisionStore.append(store, ids, tx, tenant, new StreamRef(streamId, streamType), expectedVersion, List.of(event));
    }
}
