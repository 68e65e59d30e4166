package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.Candidates;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.domain.Match;
import nl.tijdig.payment.domain.OpenItem;
import nl.tijdig.payment.domain.Remittance;

/**
 * The open items and the debtors matching knows, kept from the invoice events and this service's own
 * payments. Candidate items are read {@code FOR UPDATE} in the payment's transaction, so two payments
 * never both take what is open on one invoice.
 */
@ApplicationScoped
public class OpenItems {

    private static final String COLUMNS = "invoice_id, invoice_number, debtor_id, payment_reference, issue_date, "
            + "due_date, currency, open";

    public Uni<Void> issued(SqlConnection tx, InvoiceIssued invoice) {
        Money total = invoice.totalInclVat();
        return tx.preparedQuery("INSERT INTO open_items (tenant_id, invoice_id, invoice_number, debtor_id, "
                        + "payment_reference, issue_date, due_date, currency, principal, open) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (tenant_id, invoice_id) DO NOTHING")
                .execute(Tuple.tuple(Arrays.asList(invoice.tenantId().value(), invoice.invoiceId().value(),
                        invoice.invoiceNumber(), invoice.debtor().debtorId().value(), invoice.paymentReference(),
                        invoice.issueDate(), invoice.dueDate(), total.currency().getCurrencyCode(), total.amount())))
                .chain(() -> debtor(tx, invoice.tenantId(), invoice.debtor().debtorId(), invoice.debtor().name(),
                        invoice.debtor().iban(), false));
    }

    /** Records a debtor's name and IBAN; {@code authoritative} (the debtor's own events) overwrites. */
    public Uni<Void> debtor(SqlConnection tx, TenantId tenant, DebtorId debtor, String name, String iban,
            boolean authoritative) {
        String conflict = authoritative
                ? "DO UPDATE SET name = EXCLUDED.name, name_key = EXCLUDED.name_key, iban = EXCLUDED.iban"
                : "DO NOTHING";
        return tx.preparedQuery("INSERT INTO debtors (tenant_id, debtor_id, name, name_key, iban) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT (tenant_id, debtor_id) " + conflict)
                .execute(Tuple.of(tenant.value(), debtor.value(), name, Remittance.nameKey(name), normalIban(iban)))
                .replaceWithVoid();
    }

    public Uni<Void> credited(SqlConnection tx, TenantId tenant, InvoiceId invoice, Money amount) {
        return tx.preparedQuery("UPDATE open_items SET open = greatest(open - $3, 0) WHERE tenant_id = $1 AND invoice_id = $2")
                .execute(Tuple.of(tenant.value(), invoice.value(), amount.amount())).replaceWithVoid();
    }

    public Uni<Void> cancelled(SqlConnection tx, TenantId tenant, InvoiceId invoice) {
        return tx.preparedQuery("UPDATE open_items SET open = 0 WHERE tenant_id = $1 AND invoice_id = $2")
                .execute(Tuple.of(tenant.value(), invoice.value())).replaceWithVoid();
    }

    /** Marks invoices handed over (COLLECTION: to an agency; FACTOR: assigned): direct-debit runs leave them. */
    public Uni<Void> handedOver(SqlConnection tx, TenantId tenant, List<InvoiceId> invoices, String to) {
        UUID[] ids = invoices.stream().map(InvoiceId::value).toArray(UUID[]::new);
        return tx.preparedQuery("UPDATE open_items SET handed_over = $3 WHERE tenant_id = $1 AND invoice_id = ANY($2)")
                .execute(Tuple.of(tenant.value(), ids, to)).replaceWithVoid();
    }

    /** What a payment's allocations did: each invoice's open principal is now what the allocation says. */
    public Uni<Void> applied(SqlConnection tx, TenantId tenant, List<Match.Allocation> allocations) {
        if (allocations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = allocations.stream().map(a -> Tuple.of(tenant.value(), a.invoiceId().value(),
                a.openAfter().amount())).toList();
        return tx.preparedQuery("UPDATE open_items SET open = $3 WHERE tenant_id = $1 AND invoice_id = $2")
                .executeBatch(rows).replaceWithVoid();
    }

    /** Whether the tenant has this debtor (from its invoice or debtor events). */
    public Uni<Boolean> knows(SqlClient client, TenantId tenant, DebtorId debtor) {
        return client.preparedQuery("SELECT 1 FROM debtors WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.value())).map(rows -> rows.size() > 0);
    }

    /** A debtor as matching knows it: name and IBAN (null when none is known). */
    public record DebtorAccount(String name, String iban) {
    }

    /** The debtor's name and IBAN, when the tenant has the debtor. */
    public Uni<Optional<DebtorAccount>> debtorAccount(SqlClient client, TenantId tenant, DebtorId debtor) {
        return client.preparedQuery("SELECT name, iban FROM debtors WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.value())).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new DebtorAccount(rows.iterator().next().getString("name"),
                                rows.iterator().next().getString("iban"))));
    }

    /** An open item as the API lists it: with whom it is, when handed over (COLLECTION, FACTOR; null: the creditor). */
    public record Listed(OpenItem item, String handedOver) {
    }

    /** The tenant's open items, by invoice id, optionally of one debtor; after an invoice id (the cursor). */
    public Uni<List<Listed>> list(SqlClient client, TenantId tenant, DebtorId debtor, UUID after, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + ", handed_over FROM open_items WHERE tenant_id = $1 AND open > 0 "
                        + "AND ($2::uuid IS NULL OR debtor_id = $2) AND ($3::uuid IS NULL OR invoice_id > $3) "
                        + "ORDER BY invoice_id LIMIT $4")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), debtor == null ? null : debtor.value(), after, limit)))
                .map(rows -> {
                    List<OpenItem> items = items(rows);
                    List<Listed> listed = new ArrayList<>();
                    int i = 0;
                    for (Row row : rows) {
                        listed.add(new Listed(items.get(i++), row.getString("handed_over")));
                    }
                    return listed;
                });
    }

    /** The open items (locked) of these invoices, by id: those not open or not this tenant's are absent. */
    public Uni<Map<InvoiceId, OpenItem>> lock(SqlConnection tx, TenantId tenant, List<InvoiceId> invoices) {
        UUID[] ids = invoices.stream().map(InvoiceId::value).toArray(UUID[]::new);
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM open_items WHERE tenant_id = $1 AND invoice_id = ANY($2) "
                        + "AND open > 0 ORDER BY invoice_id FOR UPDATE")
                .execute(Tuple.of(tenant.value(), ids)).map(rows -> {
                    Map<InvoiceId, OpenItem> found = new LinkedHashMap<>();
                    items(rows).forEach(item -> found.put(item.invoiceId(), item));
                    return found;
                });
    }

    /**
     * The candidates of each rule, looked up in the rules' order and only as far as needed: the named
     * invoice, the betalingskenmerk, invoice numbers in the remittance, the payer's IBAN, the payer's name.
     */
    public Uni<Candidates> candidates(SqlConnection tx, TenantId tenant, IncomingPayment payment) {
        Uni<Optional<OpenItem>> named = payment.invoiceId() == null ? Uni.createFrom().item(Optional.empty())
                : lock(tx, tenant, List.of(payment.invoiceId())).map(m -> m.values().stream().findFirst());
        return named.flatMap(byId -> {
            if (byId.isPresent()) {
                return Uni.createFrom().item(new Candidates(byId, Optional.empty(), List.of(), List.of(), List.of()));
            }
            Optional<String> kenmerk = Remittance.betalingskenmerk(payment.reference(), payment.remittance());
            Optional<String> rf = Remittance.creditorReference(payment.reference(), payment.remittance());
            Uni<Optional<OpenItem>> byReference = kenmerk.isPresent()
                    ? tx.preparedQuery("SELECT " + COLUMNS + " FROM open_items WHERE tenant_id = $1 "
                            + "AND payment_reference = $2 AND open > 0 FOR UPDATE")
                            .execute(Tuple.of(tenant.value(), kenmerk.get())).map(rows -> items(rows).stream().findFirst())
                    : rf.isEmpty() ? Uni.createFrom().item(Optional.empty())
                    // an RF reference is the invoice's own, or made of its number (letters and digits, leading zeros aside)
                    : tx.preparedQuery("SELECT " + COLUMNS + " FROM open_items WHERE tenant_id = $1 AND open > 0 "
                            + "AND (payment_reference = $2 OR ltrim(upper(regexp_replace(invoice_number, '[^A-Za-z0-9]', '', 'g')), '0') "
                            + "= ltrim($3, '0')) ORDER BY invoice_id FOR UPDATE")
                            .execute(Tuple.of(tenant.value(), rf.get(), rf.get().substring(4)))
                            .map(rows -> items(rows).size() == 1 ? Optional.of(items(rows).get(0)) : Optional.empty());
            return byReference.flatMap(ref -> ref.isPresent()
                    ? Uni.createFrom().item(new Candidates(Optional.empty(), ref, List.of(), List.of(), List.of()))
                    : byNumbers(tx, tenant, payment).flatMap(numbers -> numbers.isEmpty()
                            ? byDebtors(tx, tenant, "iban = $2", normalIban(payment.payerIban())).flatMap(iban ->
                                    iban.size() == 1 ? Uni.createFrom().item(new Candidates(Optional.empty(),
                                            Optional.empty(), List.of(), iban, List.of()))
                                            : byDebtors(tx, tenant, "name_key = $2", key(payment.payerName()))
                                                    .map(name -> new Candidates(Optional.empty(), Optional.empty(),
                                                            List.of(), iban, name)))
                            : Uni.createFrom().item(new Candidates(Optional.empty(), Optional.empty(), numbers,
                                    List.of(), List.of()))));
        });
    }

    private Uni<List<OpenItem>> byNumbers(SqlConnection tx, TenantId tenant, IncomingPayment payment) {
        List<String> words = Remittance.words(payment.remittance());
        if (words.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("SELECT " + COLUMNS + " FROM open_items WHERE tenant_id = $1 "
                        + "AND upper(invoice_number) = ANY($2) AND open > 0 ORDER BY invoice_id FOR UPDATE")
                .execute(Tuple.of(tenant.value(), words.toArray(String[]::new)))
                .map(rows -> items(rows).stream()
                        .sorted(java.util.Comparator.comparingInt(i -> words.indexOf(i.invoiceNumber().toUpperCase(Locale.ROOT))))
                        .toList());
    }

    private Uni<List<Candidates.DebtorItems>> byDebtors(SqlConnection tx, TenantId tenant, String where, String value) {
        if (value == null || value.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        return tx.preparedQuery("SELECT " + COLUMNS.replace("invoice_id", "o.invoice_id").replace("debtor_id", "o.debtor_id")
                        + " FROM open_items o JOIN debtors d ON d.tenant_id = o.tenant_id AND d.debtor_id = o.debtor_id "
                        + "WHERE o.tenant_id = $1 AND d." + where + " AND o.open > 0 ORDER BY o.invoice_id FOR UPDATE OF o")
                .execute(Tuple.of(tenant.value(), value)).map(rows -> {
                    Map<DebtorId, List<OpenItem>> byDebtor = new LinkedHashMap<>();
                    items(rows).forEach(item -> byDebtor.computeIfAbsent(item.debtorId(), d -> new ArrayList<>()).add(item));
                    return byDebtor.entrySet().stream().map(e -> new Candidates.DebtorItems(e.getKey(), e.getValue())).toList();
                });
    }

    private static List<OpenItem> items(RowSet<Row> rows) {
        List<OpenItem> items = new ArrayList<>();
        for (Row row : rows) {
            Currency currency = Money.currency(row.getString("currency"));
            items.add(new OpenItem(new InvoiceId(row.getUUID("invoice_id")), row.getString("invoice_number"),
                    new DebtorId(row.getUUID("debtor_id")), row.getString("payment_reference"),
                    row.getLocalDate("issue_date"), row.getLocalDate("due_date"),
                    Money.of(row.getBigDecimal("open"), currency)));
        }
        return items;
    }

    private static String key(String name) {
        return name == null ? null : Remittance.nameKey(name);
    }

    /** An IBAN without spaces, in capitals. */
    public static String normalIban(String iban) {
        return iban == null || iban.isBlank() ? null : iban.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
