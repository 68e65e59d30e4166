package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.CreditRefunded;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * Refunds of debtor credit: taken off the credit and published (CreditRefunded) in one transaction, then
 * put in the tenant's next credit-transfer file.
 */
@ApplicationScoped
public class Refunds {

    static final String STREAM_TYPE = "refund";

    /** A refund as the API shows it; {@code fileId} is set once it is in a pain.001 file. */
    public record Refund(UUID refundId, UUID debtorId, Money amount, String iban, String bic, String accountHolder,
            String reason, String endToEndId, UUID fileId, Instant createdAt) {
    }

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** The debtor's credit in the currency, locked until the transaction ends (zero when none). */
    public Uni<Money> lockCredit(SqlConnection tx, TenantId tenant, DebtorId debtor, Currency currency) {
        return tx.preparedQuery("SELECT amount FROM debtor_credit WHERE tenant_id = $1 AND debtor_id = $2 AND currency = $3 "
                        + "FOR UPDATE")
                .execute(Tuple.of(tenant.value(), debtor.value(), currency.getCurrencyCode()))
                .map(rows -> rows.size() == 0 ? Money.zero(currency)
                        : Money.of(rows.iterator().next().getBigDecimal(0), currency));
    }

    /** Records the refund: the credit lowered, the refund waiting for a file, CreditRefunded published. */
    public Uni<Refund> record(SqlConnection tx, TenantId tenant, Refund refund, Money creditBefore) {
        Money after = creditBefore.minus(refund.amount());
        CreditRefunded event = new CreditRefunded(tenant, refund.refundId(), new DebtorId(refund.debtorId()),
                refund.amount(), refund.iban(), refund.accountHolder(), refund.reason(), after, refund.createdAt());
        return tx.preparedQuery("UPDATE debtor_credit SET amount = $4 WHERE tenant_id = $1 AND debtor_id = $2 AND currency = $3")
                .execute(Tuple.of(tenant.value(), refund.debtorId(), after.currency().getCurrencyCode(), after.amount()))
                .chain(() -> tx.preparedQuery("INSERT INTO refunds (tenant_id, refund_id, debtor_id, currency, amount, iban, "
                                + "bic, account_holder, reason, end_to_end_id, created_at) "
                                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                        .execute(Tuple.tuple(Arrays.asList(tenant.value(), refund.refundId(), refund.debtorId(),
                                refund.amount().currency().getCurrencyCode(), refund.amount().amount(), refund.iban(),
                                refund.bic(), refund.accountHolder(), refund.reason(), refund.endToEndId(),
                                OffsetDateTime.ofInstant(refund.createdAt(), ZoneOffset.UTC)))))
                .chain(() -> DecisionStore.append(store, ids, tx, tenant, new StreamRef(refund.refundId(), STREAM_TYPE), 0,
                        List.of(event)))
                .replaceWith(refund);
    }

    public Uni<Optional<Refund>> load(SqlClient client, TenantId tenant, UUID refundId) {
        return client.preparedQuery("SELECT * FROM refunds WHERE tenant_id = $1 AND refund_id = $2")
                .execute(Tuple.of(tenant.value(), refundId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(refund(rows.iterator().next())));
    }

    /** The refunds waiting for a file, oldest first, locked. */
    public Uni<List<Refund>> lockPending(SqlConnection tx, TenantId tenant) {
        return tx.preparedQuery("SELECT * FROM refunds WHERE tenant_id = $1 AND file_id IS NULL ORDER BY created_at, refund_id "
                        + "FOR UPDATE")
                .execute(Tuple.of(tenant.value())).map(rows -> {
                    List<Refund> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(refund(row)));
                    return pending;
                });
    }

    public Uni<Void> filed(SqlConnection tx, TenantId tenant, List<Refund> refunds, UUID fileId) {
        UUID[] ids = refunds.stream().map(Refund::refundId).toArray(UUID[]::new);
        return tx.preparedQuery("UPDATE refunds SET file_id = $3 WHERE tenant_id = $1 AND refund_id = ANY($2)")
                .execute(Tuple.of(tenant.value(), ids, fileId)).replaceWithVoid();
    }

    private static Refund refund(Row row) {
        return new Refund(row.getUUID("refund_id"), row.getUUID("debtor_id"),
                Money.of(row.getBigDecimal("amount"), Money.currency(row.getString("currency"))), row.getString("iban"),
                row.getString("bic"), row.getString("account_holder"), row.getString("reason"),
                row.getString("end_to_end_id"), row.getUUID("file_id"), row.getOffsetDateTime("created_at").toInstant());
    }

    /** Now, for the record. */
    public Instant now() {
        return clock.instant();
    }
}
