package nl.tijdig.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.events.EventCatalogue;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.TenantId;

/**
 * How every command on a stream of public events is handled, the same in every service: load the stream, fold it
 * with the domain's {@link Decider}, decide, evolve, and append what was decided at the version read — with the
 * outbox rows, in the caller's transaction. A concurrent change of the stream makes the append fail with
 * {@link ConcurrencyConflictException} (the caller's transaction rolls back and may be tried again). The store
 * decides nothing itself: the events come from the decider, a refusal changes nothing.
 *
 * <p>The caller keeps its own rows (a list, a queue) up to date from the {@link Outcome} in the same
 * transaction.
 *
 * @param <C> the commands
 * @param <S> the state
 * @param <E> the events: public events of the catalogue
 */
public final class DecisionStore<C, S, E extends PublicEvent> {

    /** What handling a command did: the state before and after, and the decision (whose events are appended). */
    public record Outcome<S, E>(S before, S after, Decision<E> decision, long version) {

        /** The events appended; none when the command was refused or changed nothing. */
        public List<E> events() {
            return decision instanceof Decision.Decided<E> decided ? decided.events() : List.of();
        }

        public boolean refused() {
            return decision instanceof Decision.Refused;
        }
    }

    private final EventStore store;
    private final IdGenerator ids;
    private final String streamType;
    private final Decider<C, S, E> decider;
    private final Class<E> events;

    /**
     * @param streamType the type of the streams (their ids are the aggregates' ids)
     * @param events the events of these streams; a stored event of another type is a programming error
     */
    public DecisionStore(EventStore store, IdGenerator ids, String streamType, Decider<C, S, E> decider, Class<E> events) {
        this.store = Objects.requireNonNull(store, "store");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.streamType = Objects.requireNonNull(streamType, "streamType");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The stream's state as its events say ({@link Decider#initialState()} when it has none). */
    public Uni<S> load(SqlClient client, TenantId tenant, UUID id) {
        return store.load(client, tenant, id).map(recorded -> decider.fold(recorded.stream().map(this::event).toList()));
    }

    /** Decides the command on the stream's state and appends what it causes, in the caller's transaction. */
    public Uni<Outcome<S, E>> handle(SqlConnection tx, TenantId tenant, UUID id, C command) {
        return store.load(tx, tenant, id).chain(recorded -> {
            S before = decider.fold(recorded.stream().map(this::event).toList());
            Decision<E> decision = decider.decide(command, before);
            List<E> decided = decision instanceof Decision.Decided<E> d ? d.events() : List.of();
            S after = before;
            for (E event : decided) {
                after = decider.evolve(after, event);
            }
            Outcome<S, E> outcome = new Outcome<>(before, after, decision, recorded.size() + decided.size());
            if (decided.isEmpty()) {
                return Uni.createFrom().item(outcome);
            }
            return store.append(tx, tenant, new StreamRef(id, streamType), recorded.size(), published(ids, decided))
                    .replaceWith(outcome);
        });
    }

    /** The events as new published events, each with an id of its own. */
    private static List<NewEvent> published(IdGenerator ids, List<? extends PublicEvent> events) {
        return events.stream().map(e -> (NewEvent) NewEvent.published(ids.next(), e)).toList();
    }

    /**
     * Appends events that need no decision (a fact observed outside, such as a message sent) to the end of their
     * stream, whatever its version: two appends at once still conflict, and the later one is tried again.
     */
    public static Uni<Void> record(EventStore store, IdGenerator ids, SqlConnection tx, TenantId tenant, StreamRef stream,
            List<? extends PublicEvent> events) {
        return store.version(tx, tenant, stream.id()).chain(version -> store.append(tx, tenant, stream, Math.max(version, 0),
                published(ids, events))).replaceWithVoid();
    }

    /** Appends events at the version the caller read (0 for a new stream). */
    public static Uni<Void> append(EventStore store, IdGenerator ids, SqlConnection tx, TenantId tenant, StreamRef stream,
            long expectedVersion, List<? extends PublicEvent> events) {
        return store.append(tx, tenant, stream, expectedVersion, published(ids, events)).replaceWithVoid();
    }

    private E event(RecordedEvent recorded) {
        return read(recorded, events);
    }

    /** A stored public event as the event of the catalogue it is. */
    public static <E extends PublicEvent> E read(RecordedEvent recorded, Class<E> events) {
        Class<? extends PublicEvent> type = EventCatalogue.standard().byType(recorded.type())
                .orElseThrow(() -> new IllegalStateException("stream event " + recorded.eventId() + " has the unknown type "
                        + recorded.type()))
                .javaType();
        return events.cast(recorded.as(type));
    }
}
