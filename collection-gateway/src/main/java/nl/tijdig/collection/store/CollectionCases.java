package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.events.CollectionCaseOpened;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.EventCatalogue;
import jakarta.annotation.PostConstruct;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The collection cases, each a stream of its public events (type {@code collection-case}, id = the
 * collection case id): a command is decided on the state its events give, its events appended at the
 * version read (a concurrent change conflicts and is tried again by the caller) — published through the
 * outbox in the same transaction — and the case's row in {@code collection_cases} brought up to date.
 */
@ApplicationScoped
public class CollectionCases {

    static final String STREAM_TYPE = "collection-case";

    /** A case as listed. */
    public record Entry(UUID collectionCaseId, UUID caseId, UUID partnerId, String partner, UUID debtorId, String debtorName,
            Money totalClaim, Money collected, String status, String outcome, String partnerReference, Instant openedAt,
            Instant updatedAt) {
    }

    /** One event of a case's history. */
    public record HistoryEntry(long version, String type, Instant occurredAt, Object data) {
    }

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    private DecisionStore<CollectionCase.Command, CollectionCase, CollectionEvent> cases;

    @PostConstruct
    void init() {
        cases = new DecisionStore<>(store, ids, STREAM_TYPE, CollectionCase.DECIDER, CollectionEvent.class);
    }

    /** The case as its events say, or empty. */
    public Uni<Optional<CollectionCase>> load(SqlClient client, TenantId tenant, UUID id) {
        return cases.load(client, tenant, id).map(Optional::ofNullable);
    }

    /**
     * Decides the command on the case and records what it causes. {@code debtorName} names the debtor in the list
     * (from the dossier; needed only when the case is opened).
     */
    public Uni<Decision<CollectionEvent>> execute(SqlConnection tx, TenantId tenant, UUID id, CollectionCase.Command command,
            String debtorName) {
        return cases.handle(tx, tenant, id, command).chain(outcome -> {
            if (outcome.events().isEmpty()) {
                return Uni.createFrom().item(outcome.decision());
            }
            return (outcome.before() == null
                    ? insert(tx, outcome.after(), (CollectionCaseOpened) outcome.events().get(0), debtorName)
                    : update(tx, outcome.after(), command.at()))
                    .replaceWith(outcome.decision());
        });
    }

    private Uni<Void> insert(SqlConnection tx, CollectionCase c, CollectionCaseOpened opened, String debtorName) {
        return tx.preparedQuery("INSERT INTO collection_cases (collection_case_id, tenant_id, case_id, partner_id, partner, debtor_id, "
                        + "debtor_name, total_claim, collected, currency, status, opened_at, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)")
                .execute(Tuple.tuple(Arrays.asList(c.collectionCaseId(), c.tenantId().value(), c.caseId().value(), c.partnerId(),
                        c.partner(), c.debtorId().value(), debtorName, c.totalClaim().amount(), c.collected().amount(),
                        c.totalClaim().currency().getCurrencyCode(), c.status().name(), at(opened.occurredAt()))))
                .replaceWithVoid();
    }

    private Uni<Void> update(SqlConnection tx, CollectionCase c, Instant at) {
        return tx.preparedQuery("UPDATE collection_cases SET status = $2, outcome = $3, collected = $4, partner_reference = $5, "
                        + "updated_at = $6 WHERE collection_case_id = $1")
                .execute(Tuple.tuple(Arrays.asList(c.collectionCaseId(), c.status().name(),
                        c.outcome() == null ? null : c.outcome().name(), c.collected().amount(), c.partnerReference(), at(at))))
                .replaceWithVoid();
    }

    /** The tenant's cases, newest first, optionally of one status. */
    public Uni<List<Entry>> list(SqlClient client, TenantId tenant, Optional<String> status, int limit) {
        return client.preparedQuery("SELECT * FROM collection_cases WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "ORDER BY opened_at DESC, collection_case_id LIMIT $3")
                .execute(Tuple.of(tenant.value(), status.orElse(null), limit))
                .map(rows -> {
                    List<Entry> found = new ArrayList<>();
                    rows.forEach(row -> found.add(entry(row)));
                    return found;
                });
    }

    public Uni<Optional<Entry>> find(SqlClient client, TenantId tenant, UUID id) {
        return client.preparedQuery("SELECT * FROM collection_cases WHERE tenant_id = $1 AND collection_case_id = $2")
                .execute(Tuple.of(tenant.value(), id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }

    /** The case's events, oldest first. */
    public Uni<List<HistoryEntry>> history(SqlClient client, TenantId tenant, UUID id) {
        return store.load(client, tenant, id).map(events -> events.stream()
                .map(e -> new HistoryEntry(e.version(), e.type(), e.occurredAt(), e.data())).toList());
    }

    /** A recorded event of the gateway's own streams, as its contract type. */
    static CollectionEvent event(RecordedEvent recorded) {
        return (CollectionEvent) recorded.as(EventCatalogue.standard().byType(recorded.type())
                .orElseThrow(() -> new IllegalStateException("unknown event type " + recorded.type())).javaType());
    }

    private static Entry entry(Row row) {
        java.util.Currency currency = Money.currency(row.getString("currency"));
        return new Entry(row.getUUID("collection_case_id"), row.getUUID("case_id"), row.getUUID("partner_id"), row.getString("partner"),
                row.getUUID("debtor_id"), row.getString("debtor_name"), Money.of(row.getBigDecimal("total_claim"), currency).rounded(),
                Money.of(row.getBigDecimal("collected"), currency).rounded(), row.getString("status"), row.getString("outcome"),
                row.getString("partner_reference"), instant(row, "opened_at"), instant(row, "updated_at"));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
