package nl.tijdig.payment.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.payment.domain.DirectDebitRun;
import nl.tijdig.payment.sepa.SepaDocuments;

/**
 * What SEPA files need and what they hold: the tenant's own account (from its creditor profile), its
 * creditor identifier, the files written (the document itself kept, so it can be fetched again), and
 * each invoice collected by direct debit with the end-to-end id by which the bank's booking finds it.
 */
@ApplicationScoped
public class SepaFiles {

    public enum Kind {
        CREDIT_TRANSFER,
        DIRECT_DEBIT
    }

    /** A file as the API shows it (without the document). */
    public record Summary(UUID fileId, Kind kind, String messageId, Instant createdAt, LocalDate date, int transactions,
            Money total) {
    }

    public Uni<Void> creditorProfile(SqlConnection tx, CreditorProfileUpdated profile) {
        return tx.preparedQuery("INSERT INTO creditor_accounts (tenant_id, name, iban, bic) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET name = EXCLUDED.name, iban = EXCLUDED.iban, bic = EXCLUDED.bic")
                .execute(Tuple.of(profile.tenantId().value(), profile.creditor().name(),
                        OpenItems.normalIban(profile.creditor().iban()), profile.creditor().bic()))
                .replaceWithVoid();
    }

    /** The tenant's own account, locked: one file at a time per tenant. */
    public Uni<Optional<SepaDocuments.Account>> lockAccount(SqlConnection tx, TenantId tenant) {
        return tx.preparedQuery("SELECT name, iban, bic FROM creditor_accounts WHERE tenant_id = $1 FOR UPDATE")
                .execute(Tuple.of(tenant.value())).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new SepaDocuments.Account(row.getString("name"), row.getString("iban"),
                            row.getString("bic")));
                });
    }

    public Uni<Optional<String>> creditorId(SqlClient client, TenantId tenant) {
        return client.preparedQuery("SELECT creditor_id FROM direct_debit_settings WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Void> saveCreditorId(SqlConnection tx, TenantId tenant, String creditorId) {
        return tx.preparedQuery("INSERT INTO direct_debit_settings (tenant_id, creditor_id) VALUES ($1, $2) "
                        + "ON CONFLICT (tenant_id) DO UPDATE SET creditor_id = EXCLUDED.creditor_id")
                .execute(Tuple.of(tenant.value(), creditorId)).replaceWithVoid();
    }

    /**
     * The invoices a run on the date may collect: open, due by then, not handed over to an agency or a
     * factor, of a debtor with a mandate, not collected before.
     */
    public Uni<List<DirectDebitRun.Due>> collectable(SqlConnection tx, TenantId tenant, LocalDate collectionDate) {
        return tx.preparedQuery("SELECT o.invoice_id, o.invoice_number, o.payment_reference, o.debtor_id, d.name, "
                        + "o.currency, o.open, o.due_date, m.* FROM open_items o "
                        + "JOIN mandates m ON m.tenant_id = o.tenant_id AND m.debtor_id = o.debtor_id "
                        + "JOIN debtors d ON d.tenant_id = o.tenant_id AND d.debtor_id = o.debtor_id "
                        + "WHERE o.tenant_id = $1 AND o.open > 0 AND o.due_date <= $2 AND o.handed_over IS NULL AND NOT EXISTS "
                        + "(SELECT 1 FROM direct_debit_items i WHERE i.tenant_id = o.tenant_id AND i.invoice_id = o.invoice_id) "
                        + "ORDER BY o.due_date, o.invoice_number FOR UPDATE OF o, m")
                .execute(Tuple.of(tenant.value(), collectionDate)).map(rows -> {
                    List<DirectDebitRun.Due> due = new ArrayList<>();
                    for (Row row : rows) {
                        due.add(new DirectDebitRun.Due(new InvoiceId(row.getUUID("invoice_id")),
                                row.getString("invoice_number"), row.getString("payment_reference"),
                                new DebtorId(row.getUUID("debtor_id")), row.getString("name"),
                                Money.of(row.getBigDecimal("open"), Money.currency(row.getString("currency"))),
                                row.getLocalDate("due_date"), Mandates.mandate(row)));
                    }
                    return due;
                });
    }

    public Uni<Void> collections(SqlConnection tx, TenantId tenant, UUID fileId, List<DirectDebitRun.Collection> plan,
            List<String> endToEndIds) {
        List<Tuple> rows = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            DirectDebitRun.Collection c = plan.get(i);
            rows.add(Tuple.tuple(Arrays.asList(tenant.value(), endToEndIds.get(i), c.invoiceId().value(),
                    c.debtorId().value(), fileId, c.mandate().mandateId(), c.sequence().name(),
                    c.amount().currency().getCurrencyCode(), c.amount().amount())));
        }
        return tx.preparedQuery("INSERT INTO direct_debit_items (tenant_id, end_to_end_id, invoice_id, debtor_id, file_id, "
                        + "mandate_id, sequence, currency, amount) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(rows).replaceWithVoid();
    }

    /** The invoice a direct-debit collection with this end-to-end id was for, if it is one of ours. */
    public Uni<Optional<InvoiceId>> collectedInvoice(SqlClient client, TenantId tenant, String endToEndId) {
        if (endToEndId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.preparedQuery("SELECT invoice_id FROM direct_debit_items WHERE tenant_id = $1 AND end_to_end_id = $2")
                .execute(Tuple.of(tenant.value(), endToEndId)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new InvoiceId(rows.iterator().next().getUUID(0))));
    }

    public Uni<Summary> save(SqlConnection tx, TenantId tenant, Summary file, String document) {
        return tx.preparedQuery("INSERT INTO sepa_files (tenant_id, file_id, kind, message_id, created_at, on_date, "
                        + "transactions, currency, total, document) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), file.fileId(), file.kind().name(), file.messageId(),
                        OffsetDateTime.ofInstant(file.createdAt(), ZoneOffset.UTC), file.date(), file.transactions(),
                        file.total().currency().getCurrencyCode(), file.total().amount(), document)))
                .replaceWith(file);
    }

    public Uni<Optional<Summary>> load(SqlClient client, TenantId tenant, UUID fileId) {
        return client.preparedQuery("SELECT file_id, kind, message_id, created_at, on_date, transactions, currency, total "
                        + "FROM sepa_files WHERE tenant_id = $1 AND file_id = $2")
                .execute(Tuple.of(tenant.value(), fileId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    BigDecimal total = row.getBigDecimal("total");
                    return Optional.of(new Summary(row.getUUID("file_id"), Kind.valueOf(row.getString("kind")),
                            row.getString("message_id"), row.getOffsetDateTime("created_at").toInstant(),
                            row.getLocalDate("on_date"), row.getInteger("transactions"),
                            Money.of(total, Money.currency(row.getString("currency")))));
                });
    }

    public Uni<Optional<String>> document(SqlClient client, TenantId tenant, UUID fileId) {
        return client.preparedQuery("SELECT document FROM sepa_files WHERE tenant_id = $1 AND file_id = $2")
                .execute(Tuple.of(tenant.value(), fileId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
    }
}
