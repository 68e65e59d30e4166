package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import nl.tijdig.collection.domain.Factoring;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.FactoringAccepted;
import nl.tijdig.events.FactoringOffered;
import nl.tijdig.events.FactoringRejected;
import jakarta.annotation.PostConstruct;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The invoices' factoring, each a stream of its public events (type {@code invoice-factoring}, id = the invoice id):
 * a command decided on the state its events give, its events appended at the version read and published through the
 * outbox in the same transaction, and {@code factoring_offers} (the offers as listed, and their dispatch to the factor)
 * brought up to date with them.
 */
@ApplicationScoped
public class FactoringOffers {

    static final String STREAM_TYPE = "invoice-factoring";

    /** An offer as listed. */
    public record Entry(UUID offerId, UUID invoiceId, String invoiceNumber, UUID debtorId, UUID partnerId, String factor, Money offered,
            String status, Money advance, Money fee, String factorReference, String reason, int attempts, String lastError,
            Instant offeredAt, Instant decidedAt) {
    }

    /** An offer due to be sent to its factor (this attempt leased). */
    public record Due(UUID offerId, TenantId tenant, UUID invoiceId, UUID partnerId, int attempt) {
    }

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    private DecisionStore<Factoring.Command, Factoring, CollectionEvent> factoring;

    @PostConstruct
    void init() {
        factoring = new DecisionStore<>(store, ids, STREAM_TYPE, Factoring.DECIDER, CollectionEvent.class);
    }

    public Uni<Optional<Factoring>> load(SqlClient client, TenantId tenant, InvoiceId invoice) {
        return factoring.load(client, tenant, invoice.value()).map(Optional::ofNullable);
    }

    /** Decides the command on the invoice's factoring and records what it causes. */
    public Uni<Decision<CollectionEvent>> execute(SqlConnection tx, TenantId tenant, InvoiceId invoice, Factoring.Command command) {
        return factoring.handle(tx, tenant, invoice.value(), command).chain(outcome -> {
            Uni<Void> rows = Uni.createFrom().voidItem();
            for (CollectionEvent event : outcome.events()) {
                rows = rows.chain(() -> project(tx, event));
            }
            return rows.replaceWith(outcome.decision());
        });
    }

    private Uni<Void> project(SqlConnection tx, CollectionEvent event) {
        return switch (event) {
            case FactoringOffered o -> tx.preparedQuery("INSERT INTO factoring_offers (offer_id, tenant_id, invoice_id, invoice_number, "
                            + "debtor_id, partner_id, factor, offered, currency, status, next_attempt_at, offered_at) "
                            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OFFERED', $10, $10)")
                    .execute(Tuple.tuple(Arrays.asList(o.offerId(), o.tenantId().value(), o.invoiceId().value(), o.invoiceNumber(),
                            o.debtorId().value(), o.partnerId(), o.factor(), o.offered().amount(), o.offered().currency().getCurrencyCode(),
                            CollectionCases.at(o.occurredAt()))))
                    .replaceWithVoid();
            case FactoringAccepted a -> tx.preparedQuery("UPDATE factoring_offers SET status = 'ACCEPTED', advance = $2, fee = $3, "
                            + "factor_reference = $4, decided_at = $5 WHERE offer_id = $1")
                    .execute(Tuple.tuple(Arrays.asList(a.offerId(), a.advance().amount(), a.fee().amount(), a.factorReference(),
                            CollectionCases.at(a.occurredAt()))))
                    .replaceWithVoid();
            case FactoringRejected r -> tx.preparedQuery("UPDATE factoring_offers SET status = 'REJECTED', reason = $2, decided_at = $3 "
                            + "WHERE offer_id = $1")
                    .execute(Tuple.of(r.offerId(), r.reason(), CollectionCases.at(r.occurredAt())))
                    .replaceWithVoid();
            default -> Uni.createFrom().voidItem(); // InvoiceAssigned: the accepted offer's row says it
        };
    }

    /** Claims offers due to be sent, each counting an attempt and leased for {@code lease(attempt)}. */
    public Uni<List<Due>> claim(SqlConnection tx, int limit, IntFunction<Duration> lease) {
        Instant now = clock.instant();
        return tx.preparedQuery("SELECT offer_id, tenant_id, invoice_id, partner_id, attempts FROM factoring_offers "
                        + "WHERE status = 'OFFERED' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(CollectionCases.at(now), limit))
                .chain(rows -> Leases.lease(tx, rows, "factoring_offers", "offer_id = $1", row -> row.getUUID("offer_id"),
                        (row, attempt) -> new Due(row.getUUID("offer_id"), new TenantId(row.getUUID("tenant_id")), row.getUUID("invoice_id"),
                                row.getUUID("partner_id"), attempt), now, lease));
    }

    /** An attempt not made (the factor's circuit is open): due again at {@code at}, the attempt not counted. */
    public Uni<Void> postpone(SqlClient client, UUID offerId, Instant at) {
        return Leases.postpone(client, "factoring_offers", "offer_id = $1 AND status = 'OFFERED'", offerId, at);
    }

    /** An attempt failed and will be tried again when its lease ends. */
    public Uni<Void> attemptFailed(SqlClient client, UUID offerId, String error) {
        return Leases.attemptFailed(client, "factoring_offers", "offer_id = $1", offerId, error);
    }

    /** The tenant's offers, newest first, optionally of one status. */
    public Uni<List<Entry>> list(SqlClient client, TenantId tenant, Optional<String> status, int limit) {
        return client.preparedQuery("SELECT * FROM factoring_offers WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "ORDER BY offered_at DESC, offer_id LIMIT $3")
                .execute(Tuple.of(tenant.value(), status.orElse(null), limit))
                .map(rows -> {
                    List<Entry> found = new ArrayList<>();
                    rows.forEach(row -> found.add(entry(row)));
                    return found;
                });
    }

    public Uni<Optional<Entry>> find(SqlClient client, TenantId tenant, UUID offerId) {
        return client.preparedQuery("SELECT * FROM factoring_offers WHERE tenant_id = $1 AND offer_id = $2")
                .execute(Tuple.of(tenant.value(), offerId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(entry(rows.iterator().next())));
    }

    private static Entry entry(Row row) {
        java.util.Currency currency = Money.currency(row.getString("currency"));
        return new Entry(row.getUUID("offer_id"), row.getUUID("invoice_id"), row.getString("invoice_number"), row.getUUID("debtor_id"),
                row.getUUID("partner_id"), row.getString("factor"), money(row, "offered", currency), row.getString("status"),
                money(row, "advance", currency), money(row, "fee", currency), row.getString("factor_reference"), row.getString("reason"),
                row.getInteger("attempts"), row.getString("last_error"), CollectionCases.instant(row, "offered_at"),
                CollectionCases.instant(row, "decided_at"));
    }

    private static Money money(Row row, String column, java.util.Currency currency) {
        return row.getBigDecimal(column) == null ? null : Money.of(row.getBigDecimal(column), currency).rounded();
    }
}
