package nl.tijdig.payment.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.events.PaymentEvent;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.domain.Match;
import nl.tijdig.payment.domain.PaymentDecider;

/**
 * Payments as event streams (one per payment: PaymentUnmatched, then PaymentReceived when staff
 * allocate it; or PaymentReceived at once), with in the same transaction the payments table (reads and
 * the unmatched queue), the open items the allocations changed and the debtor's credit.
 */
@ApplicationScoped
public class Payments {

    static final String STREAM_TYPE = "payment";

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    @Inject
    OpenItems openItems;

    @Inject
    @Any
    Instance<PaymentReaction> reactions;

    /** A payment as the API shows it. */
    public record Stored(UUID paymentId, String status, String rule, PaymentReceived.Source source, Money amount,
            LocalDate valueDate, String payerName, String payerIban, String remittanceInformation, UUID debtorId,
            List<Allocation> allocations, Money credit, String reason, String endToEndId) {
    }

    private DecisionStore<PaymentDecider.Command, PaymentDecider.State, PaymentEvent> decisions;

    @PostConstruct
    void init() {
        decisions = new DecisionStore<>(store, ids, STREAM_TYPE, PaymentDecider.INSTANCE, PaymentEvent.class);
    }

    /** Records a matched payment, or the allocation of an unmatched one, as {@link PaymentDecider} decides. */
    public Uni<Stored> received(SqlConnection tx, TenantId tenant, PaymentId id, IncomingPayment payment,
            PaymentReceived.Source source, Match.Matched match) {
        return decide(tx, tenant, new PaymentDecider.Receive(tenant, id, payment, source, match, clock.instant())).chain(events -> {
            PaymentReceived event = (PaymentReceived) events.get(0);
            String status = match.rule() == Match.Rule.MANUAL ? "ALLOCATED" : "MATCHED";
            Stored stored = new Stored(id.value(), status, match.rule().name(), source, payment.amount(), payment.valueDate(),
                    payment.payerName(), payment.payerIban(), payment.remittance(),
                    match.debtorId() == null ? null : match.debtorId().value(), event.allocations(), match.credit(), null,
                    payment.endToEndId());
            return upsert(tx, tenant, stored)
                    .chain(() -> openItems.applied(tx, tenant, match.allocations()))
                    .chain(() -> credit(tx, tenant, match.debtorId(), match.credit()))
                    .chain(() -> react(tx, events))
                    .replaceWith(stored);
        });
    }

    /** Records a payment no rule could place: it waits in the queue. */
    public Uni<Stored> unmatched(SqlConnection tx, TenantId tenant, PaymentId id, IncomingPayment payment,
            PaymentReceived.Source source, String reason) {
        Stored stored = new Stored(id.value(), "UNMATCHED", null, source, payment.amount(), payment.valueDate(),
                payment.payerName(), payment.payerIban(), payment.remittance(), null, List.of(), payment.amount(), reason,
                payment.endToEndId());
        return decide(tx, tenant, new PaymentDecider.LeaveUnmatched(tenant, id, payment, source, reason, clock.instant()))
                .chain(events -> upsert(tx, tenant, stored).chain(() -> react(tx, events))).replaceWith(stored);
    }

    /**
     * Reverses a matched or allocated payment (a direct debit reversed, a transfer returned): what it
     * paid is open again, its credit is taken off the debtor, and PaymentReversed is published.
     */
    public Uni<Stored> reverse(SqlConnection tx, TenantId tenant, Stored payment, LocalDate date, String reasonCode) {
        PaymentId id = new PaymentId(payment.paymentId());
        return openNow(tx, tenant, payment.allocations()).chain(open -> decide(tx, tenant,
                new PaymentDecider.Reverse(tenant, id, date, reasonCode, open, clock.instant()))).chain(events -> {
                    PaymentReversed event = (PaymentReversed) events.get(0);
                    Stored reversed = new Stored(payment.paymentId(), "REVERSED", payment.rule(), payment.source(),
                            payment.amount(), payment.valueDate(), payment.payerName(), payment.payerIban(),
                            payment.remittanceInformation(), payment.debtorId(), event.allocationsReversed(), payment.credit(),
                            "reversed: " + event.reasonCode(), payment.endToEndId());
                    Money credit = payment.credit() == null ? null : payment.credit().negate();
                    return reopen(tx, tenant, event.allocationsReversed())
                            .chain(() -> upsert(tx, tenant, reversed))
                            .chain(() -> payment.debtorId() == null || credit == null ? Uni.createFrom().voidItem()
                                    : adjustCredit(tx, tenant, new DebtorId(payment.debtorId()), credit))
                            .chain(() -> react(tx, events))
                            .replaceWith(reversed);
                });
    }

    /** The command decided and its events appended; a refusal ends the transaction without a change. */
    private Uni<List<PaymentEvent>> decide(SqlConnection tx, TenantId tenant, PaymentDecider.Command command) {
        return decisions.handle(tx, tenant, command.paymentId().value(), command).map(outcome -> {
            if (outcome.decision() instanceof Decision.Refused<PaymentEvent> refused) {
                throw refused.exception();
            }
            return outcome.events();
        });
    }

    /** What reacts to the payment's events in its transaction (the pay links of the invoices it settled). */
    private Uni<Void> react(SqlConnection tx, List<PaymentEvent> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (PaymentEvent event : events) {
            for (PaymentReaction reaction : reactions) {
                done = done.chain(() -> reaction.on(tx, event));
            }
        }
        return done;
    }

    /** What is open now of the invoices, locked for the reversal's transaction. */
    private Uni<Map<InvoiceId, Money>> openNow(SqlConnection tx, TenantId tenant, List<Allocation> allocations) {
        if (allocations.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID[] invoices = allocations.stream().map(a -> a.invoiceId().value()).toArray(UUID[]::new);
        return tx.preparedQuery("SELECT invoice_id, open, currency FROM open_items WHERE tenant_id = $1 AND invoice_id = ANY($2) "
                        + "ORDER BY invoice_id FOR UPDATE")
                .execute(Tuple.of(tenant.value(), invoices)).map(rows -> {
                    Map<InvoiceId, Money> open = new HashMap<>();
                    rows.forEach(row -> open.put(new InvoiceId(row.getUUID("invoice_id")),
                            Money.of(row.getBigDecimal("open"), Money.currency(row.getString("currency")))));
                    return open;
                });
    }

    /** The invoices open again as the reversal decided. */
    private Uni<Void> reopen(SqlConnection tx, TenantId tenant, List<Allocation> reopened) {
        if (reopened.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("UPDATE open_items SET open = $3 WHERE tenant_id = $1 AND invoice_id = $2")
                .executeBatch(reopened.stream().map(a -> Tuple.of(tenant.value(), a.invoiceId().value(), a.openPrincipalAfter().amount()))
                        .toList())
                .replaceWithVoid();
    }

    /** The tenant's matched or allocated payment with this end-to-end id, if any. */
    public Uni<Optional<Stored>> byEndToEndId(SqlClient client, TenantId tenant, String endToEndId) {
        return client.preparedQuery("SELECT * FROM payments WHERE tenant_id = $1 AND end_to_end_id = $2 "
                        + "AND status IN ('MATCHED', 'ALLOCATED') ORDER BY payment_id LIMIT 1")
                .execute(Tuple.of(tenant.value(), endToEndId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    public Uni<Optional<Stored>> load(SqlClient client, TenantId tenant, PaymentId id) {
        return client.preparedQuery("SELECT * FROM payments WHERE tenant_id = $1 AND payment_id = $2")
                .execute(Tuple.of(tenant.value(), id.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(row(rows.iterator().next())));
    }

    /** The tenant's payments, newest first, optionally of one status; after a payment id (the cursor). */
    public Uni<List<Stored>> list(SqlClient client, TenantId tenant, String status, UUID after, int limit) {
        return client.preparedQuery("SELECT * FROM payments WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "AND ($3::uuid IS NULL OR payment_id < $3) ORDER BY payment_id DESC LIMIT $4")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), status, after, limit))).map(rows -> {
                    List<Stored> list = new ArrayList<>();
                    rows.forEach(row -> list.add(row(row)));
                    return list;
                });
    }

    /** The debtor's credit per currency (none: empty). */
    public Uni<List<Money>> credit(SqlClient client, TenantId tenant, DebtorId debtor) {
        return client.preparedQuery("SELECT currency, amount FROM debtor_credit WHERE tenant_id = $1 AND debtor_id = $2 "
                        + "ORDER BY currency")
                .execute(Tuple.of(tenant.value(), debtor.value())).map(rows -> {
                    List<Money> credit = new ArrayList<>();
                    rows.forEach(r -> credit.add(Money.of(r.getBigDecimal("amount"), Money.currency(r.getString("currency")))));
                    return credit;
                });
    }

    private Uni<Void> upsert(SqlConnection tx, TenantId tenant, Stored p) {
        String allocations;
        try {
            allocations = EventJson.mapper().writeValueAsString(p.allocations());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tx.preparedQuery("INSERT INTO payments (tenant_id, payment_id, status, rule, source, currency, amount, "
                        + "value_date, payer_name, payer_iban, remittance, debtor_id, credit, reason, allocations, end_to_end_id) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16) "
                        + "ON CONFLICT (tenant_id, payment_id) DO UPDATE SET status = EXCLUDED.status, rule = EXCLUDED.rule, "
                        + "debtor_id = EXCLUDED.debtor_id, credit = EXCLUDED.credit, reason = EXCLUDED.reason, "
                        + "allocations = EXCLUDED.allocations")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), p.paymentId(), p.status(), p.rule(), p.source().name(),
                        p.amount().currency().getCurrencyCode(), p.amount().amount(), p.valueDate(), p.payerName(),
                        p.payerIban(), p.remittanceInformation(), p.debtorId(),
                        p.credit() == null ? null : p.credit().amount(), p.reason(), allocations, p.endToEndId())))
                .replaceWithVoid();
    }

    private Uni<Void> credit(SqlConnection tx, TenantId tenant, DebtorId debtor, Money credit) {
        if (debtor == null || credit == null || !credit.isPositive()) {
            return Uni.createFrom().voidItem();
        }
        return adjustCredit(tx, tenant, debtor, credit);
    }

    private Uni<Void> adjustCredit(SqlConnection tx, TenantId tenant, DebtorId debtor, Money credit) {
        return tx.preparedQuery("INSERT INTO debtor_credit (tenant_id, debtor_id, currency, amount) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (tenant_id, debtor_id, currency) DO UPDATE SET amount = debtor_credit.amount + EXCLUDED.amount")
                .execute(Tuple.of(tenant.value(), debtor.value(), credit.currency().getCurrencyCode(), credit.amount()))
                .replaceWithVoid();
    }

    private static Stored row(Row row) {
        Currency currency = Money.currency(row.getString("currency"));
        List<Allocation> allocations;
        try {
            Object json = row.getValue("allocations");
            String text = json instanceof JsonArray array ? array.encode() : String.valueOf(json);
            allocations = EventJson.mapper().readValue(text, new TypeReference<List<Allocation>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        BigDecimal credit = row.getBigDecimal("credit");
        UUID debtor = row.getUUID("debtor_id");
        return new Stored(row.getUUID("payment_id"), row.getString("status"), row.getString("rule"),
                PaymentReceived.Source.valueOf(row.getString("source")), Money.of(row.getBigDecimal("amount"), currency),
                row.getLocalDate("value_date"), row.getString("payer_name"), row.getString("payer_iban"),
                row.getString("remittance"), debtor, allocations, credit == null ? null : Money.of(credit, currency),
                row.getString("reason"), row.getString("end_to_end_id"));
    }
}
