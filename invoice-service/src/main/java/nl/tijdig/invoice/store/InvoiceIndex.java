package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import io.vertx.pgclient.PgException;
import java.util.List;
import java.util.Optional;
import nl.tijdig.runtime.problem.ConflictProblem;
import nl.tijdig.runtime.problem.Problem;
import java.util.UUID;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * The list of a tenant's invoices, written in the transaction that appends the invoice's events, with
 * what payments did joined in when read. Filters: debtor, status, due date range; a cursor (the last
 * invoice id of the previous page) pages through, newest first.
 */
@ApplicationScoped
public class InvoiceIndex {

    /** The statuses a list can be filtered on, as the invoice view shows them. */
    public static final List<String> STATUSES = List.of("ISSUED", "PARTIALLY_PAID", "PAID", "PARTIALLY_CREDITED",
            "CREDITED", "CANCELLED");

    /** One invoice of the list. */
    public record Entry(UUID invoiceId, String invoiceNumber, UUID debtorId, LocalDate issueDate, LocalDate dueDate,
            Money total, Money paid, Money openPrincipal, String status) {
    }

    /** What to list. Null filters do not filter. */
    public record Query(UUID debtorId, String status, LocalDate dueFrom, LocalDate dueTo, UUID after, int limit) {
    }

    private static final String STATUS = """
            CASE WHEN i.cancelled THEN 'CANCELLED'
                 WHEN i.total - i.credited <= 0 THEN 'CREDITED'
                 WHEN coalesce(p.paid, 0) > 0 AND i.total - i.credited - coalesce(p.paid, 0) <= 0 THEN 'PAID'
                 WHEN coalesce(p.paid, 0) > 0 THEN 'PARTIALLY_PAID'
                 WHEN i.credited > 0 THEN 'PARTIALLY_CREDITED'
                 ELSE 'ISSUED' END""";

    /** Indexes an issued invoice; a number the tenant issued before is a 409 naming it. */
    public Uni<Void> issued(SqlConnection tx, InvoiceIssued invoice) {
        return tx.preparedQuery("INSERT INTO invoice_index (tenant_id, invoice_id, invoice_number, debtor_id, issue_date, "
                        + "due_date, currency, total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple(List.of(invoice.tenantId().value(), invoice.invoiceId().value(), invoice.invoiceNumber(),
                        invoice.debtor().debtorId().value(), invoice.issueDate(), invoice.dueDate(),
                        invoice.totalInclVat().currency().getCurrencyCode(), invoice.totalInclVat().amount())))
                .onFailure(e -> e instanceof PgException pg && "invoice_index_number".equals(pg.getConstraint()))
                .transform(e -> numberTaken(invoice.invoiceNumber()))
                .replaceWithVoid();
    }

    /** Indexes a batch of issued invoices in one statement; a number the tenant issued before is a 409. */
    public Uni<Void> issuedAll(SqlConnection tx, List<InvoiceIssued> invoices) {
        return tx.preparedQuery("INSERT INTO invoice_index (tenant_id, invoice_id, invoice_number, debtor_id, issue_date, "
                        + "due_date, currency, total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .executeBatch(invoices.stream().map(invoice -> Tuple.tuple(List.of(invoice.tenantId().value(),
                        invoice.invoiceId().value(), invoice.invoiceNumber(), invoice.debtor().debtorId().value(),
                        invoice.issueDate(), invoice.dueDate(), invoice.totalInclVat().currency().getCurrencyCode(),
                        invoice.totalInclVat().amount()))).toList())
                .onFailure(e -> e instanceof PgException pg && "invoice_index_number".equals(pg.getConstraint()))
                .transform(e -> new ConflictProblem("an invoice number of the batch was issued before",
                        List.of(new Problem.FieldError("invoices", "an invoice number of the batch was issued before: "
                                + ((PgException) e).getDetail()))))
                .replaceWithVoid();
    }

    /** The 409 for an invoice number the tenant has issued (or imported) before. */
    public static ConflictProblem numberTaken(String number) {
        return new ConflictProblem("invoice number " + number + " was issued before",
                List.of(new Problem.FieldError("invoiceNumber", "invoice number " + number + " was issued before")));
    }

    /** The invoice of the tenant with this number, if any. */
    public Uni<Optional<UUID>> findByNumber(SqlClient client, TenantId tenant, String number) {
        return client.preparedQuery("SELECT invoice_id FROM invoice_index WHERE tenant_id = $1 AND invoice_number = $2")
                .execute(Tuple.of(tenant.value(), number))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID(0)));
    }

    /** Records a credit note on its invoice; a credit note number issued before is a 409 naming it. */
    public Uni<Void> credited(SqlConnection tx, TenantId tenant, UUID invoiceId, UUID creditNoteId, String number,
            Money amount) {
        return tx.preparedQuery("INSERT INTO credit_note_numbers (tenant_id, credit_note_number, credit_note_id, invoice_id) "
                        + "VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(tenant.value(), number, creditNoteId, invoiceId))
                .onFailure(e -> e instanceof PgException pg && "credit_note_numbers_pkey".equals(pg.getConstraint()))
                .transform(e -> new ConflictProblem("credit note number " + number + " was issued before",
                        List.of(new Problem.FieldError("creditNoteNumber", "credit note number " + number
                                + " was issued before"))))
                .chain(() -> tx.preparedQuery(
                        "UPDATE invoice_index SET credited = credited + $3 WHERE tenant_id = $1 AND invoice_id = $2")
                        .execute(Tuple.of(tenant.value(), invoiceId, amount.amount())))
                .replaceWithVoid();
    }

    public Uni<Void> cancelled(SqlConnection tx, TenantId tenant, UUID invoiceId) {
        return tx.preparedQuery("UPDATE invoice_index SET cancelled = true WHERE tenant_id = $1 AND invoice_id = $2")
                .execute(Tuple.of(tenant.value(), invoiceId)).replaceWithVoid();
    }

    public Uni<List<Entry>> list(SqlClient client, TenantId tenant, Query query) {
        String sql = "SELECT * FROM (SELECT i.invoice_id, i.invoice_number, i.debtor_id, i.issue_date, i.due_date, "
                + "i.currency, i.total, coalesce(p.paid, 0) AS paid, "
                + "greatest(CASE WHEN i.cancelled THEN 0 ELSE i.total - i.credited - coalesce(p.paid, 0) END, 0) AS open, "
                + STATUS + " AS status "
                + "FROM invoice_index i LEFT JOIN invoice_payments p "
                + "ON p.tenant_id = i.tenant_id AND p.invoice_id = i.invoice_id "
                + "WHERE i.tenant_id = $1 AND ($2::uuid IS NULL OR i.debtor_id = $2) "
                + "AND ($3::date IS NULL OR i.due_date >= $3) AND ($4::date IS NULL OR i.due_date <= $4) "
                + "AND ($5::uuid IS NULL OR i.invoice_id < $5)) l "
                + "WHERE ($6::text IS NULL OR l.status = $6) ORDER BY l.invoice_id DESC LIMIT $7";
        return client.preparedQuery(sql)
                .execute(Tuple.tuple(java.util.Arrays.asList(tenant.value(), query.debtorId(), query.dueFrom(), query.dueTo(),
                        query.after(), query.status(), query.limit())))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>();
                    for (Row row : rows) {
                        java.util.Currency currency = Money.currency(row.getString("currency").trim());
                        entries.add(new Entry(row.getUUID("invoice_id"), row.getString("invoice_number"),
                                row.getUUID("debtor_id"), row.getLocalDate("issue_date"), row.getLocalDate("due_date"),
                                Money.of(row.getBigDecimal("total"), currency), Money.of(row.getBigDecimal("paid"), currency),
                                Money.of(row.getBigDecimal("open"), currency).rounded(), row.getString("status")));
                    }
                    return entries;
                });
    }
}
