package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.collection.domain.Factoring;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;

/**
 * The tenants' invoices as factoring needs them, from the invoice- and payment-service's events: open = total less
 * credit notes less what payments settled (each a sum, so the order the topics arrive in does not matter). Every
 * read is scoped by the tenant.
 */
@ApplicationScoped
public class Invoices {

    /** An invoice that can be offered: its facts, its debtor's segment, whether it is at a collection agency. */
    public record Offerable(Factoring.Invoice invoice, String debtorName, Segment segment, boolean atAgency) {
    }

    public Uni<Void> issued(SqlConnection tx, InvoiceIssued i) {
        return tx.preparedQuery("INSERT INTO invoices (invoice_id, tenant_id, invoice_number, debtor_id, debtor_name, segment, issue_date, "
                        + "due_date, total, currency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET "
                        + "invoice_number = $3, debtor_id = $4, debtor_name = $5, segment = $6, issue_date = $7, due_date = $8, total = $9, "
                        + "currency = $10")
                .execute(Tuple.tuple(Arrays.asList(i.invoiceId().value(), i.tenantId().value(), i.invoiceNumber(), i.debtor().debtorId().value(),
                        i.debtor().name(), i.debtor().segment().name(), i.issueDate(), i.dueDate(), i.totalInclVat().amount(),
                        i.totalInclVat().currency().getCurrencyCode())))
                .replaceWithVoid();
    }

    public Uni<Void> credited(SqlConnection tx, InvoiceCredited c) {
        return add(tx, List.of(Tuple.of(c.invoiceId().value(), c.tenantId().value(), c.amountInclVat().amount())), "credited");
    }

    public Uni<Void> cancelled(SqlConnection tx, InvoiceCancelled c) {
        return tx.preparedQuery("INSERT INTO invoices (invoice_id, tenant_id, cancelled) VALUES ($1, $2, true) "
                        + "ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET cancelled = true")
                .execute(Tuple.of(c.invoiceId().value(), c.tenantId().value())).replaceWithVoid();
    }

    /** Payments settled (sign +1) or reversed (-1) these parts of invoices (what was allocated and written off). */
    public Uni<Void> settled(SqlConnection tx, TenantId tenant, List<Allocation> allocations, int sign) {
        List<Tuple> rows = allocations.stream().map(a -> {
            BigDecimal settled = a.amount().amount().add(a.writtenOff() == null ? BigDecimal.ZERO : a.writtenOff().amount());
            return Tuple.of(a.invoiceId().value(), tenant.value(), sign < 0 ? settled.negate() : settled);
        }).toList();
        return add(tx, rows, "settled");
    }

    private Uni<Void> add(SqlConnection tx, List<Tuple> rows, String column) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO invoices (invoice_id, tenant_id, " + column + ") VALUES ($1, $2, $3) "
                        + "ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET " + column + " = invoices." + column + " + $3")
                .executeBatch(rows).replaceWithVoid();
    }

    /** The tenant's invoice, when it was issued and is not cancelled; whether a collection agency has it. */
    public Uni<Optional<Offerable>> offerable(SqlClient client, TenantId tenant, InvoiceId invoice) {
        return client.preparedQuery("SELECT i.*, EXISTS (SELECT 1 FROM escalations e JOIN collection_cases c "
                        + "ON c.collection_case_id = e.collection_case_id WHERE e.tenant_id = i.tenant_id AND c.status <> 'CLOSED' "
                        + "AND e.dossier->'invoices' @> jsonb_build_array(jsonb_build_object('invoiceId', i.invoice_id::text))) AS at_agency "
                        + "FROM invoices i WHERE i.tenant_id = $1 AND i.invoice_id = $2 AND i.invoice_number IS NOT NULL AND NOT i.cancelled")
                .execute(Tuple.of(tenant.value(), invoice.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(offerable(rows.iterator().next())));
    }

    private static Offerable offerable(Row row) {
        java.util.Currency currency = Money.currency(row.getString("currency"));
        Money open = Money.of(row.getBigDecimal("total").subtract(row.getBigDecimal("credited")).subtract(row.getBigDecimal("settled")),
                currency).rounded();
        UUID id = row.getUUID("invoice_id");
        return new Offerable(new Factoring.Invoice(new TenantId(row.getUUID("tenant_id")), new InvoiceId(id), row.getString("invoice_number"),
                new DebtorId(row.getUUID("debtor_id")), open, row.getLocalDate("due_date")), row.getString("debtor_name"),
                Segment.valueOf(row.getString("segment")), row.getBoolean("at_agency"));
    }
}
