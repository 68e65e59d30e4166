package nl.tijdig.eventstore;

import io.vertx.mutiny.sqlclient.Row;

/** Reading event rows, for the store's own readers (projections). */
public final class EventStoreRows {

    private EventStoreRows() {
    }

    public static RecordedEvent recorded(Row row) {
        return EventStore.recorded(row);
    }
}
