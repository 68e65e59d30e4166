package nl.tijdig.eventstore.inbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import nl.tijdig.events.EventEnvelope;

/**
 * What a consumer does with an event, inside the transaction that also records the event in the
 * inbox: its effects and the record commit together, so a redelivered event changes nothing. A
 * failure (a failed Uni or an exception) rolls both back; the event is retried, then dead-lettered.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(SqlConnection tx, EventEnvelope event);

    /**
     * Handles a batch of new events in order, in one transaction. By default one by one; a handler that can do
     * the work of many events in a few statements (opening a case per issued invoice) overrides it, keeping the
     * order of events that concern the same thing.
     */
    default Uni<Void> handleAll(SqlConnection tx, java.util.List<EventEnvelope> events) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> Uni.createFrom().deferred(() -> handle(tx, event))
                        .replaceWith(Boolean.TRUE))
                .collect().last().replaceWithVoid();
    }
}
