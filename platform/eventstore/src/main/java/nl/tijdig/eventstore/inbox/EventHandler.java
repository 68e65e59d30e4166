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
}
