package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/** A tenant's cases as a list: filtered, in due-date order, a page at a time (keyset on due date and case). */
@ApplicationScoped
public class CaseListing {

    /** A case as the list shows it. */
    public record Listed(UUID caseId, String invoiceNumber, UUID debtorId, String status, LocalDate dueDate,
            BigDecimal open, String currency, LocalDate nextActionOn) {
    }

    /** Filter (each optional) and page: cases after ({@code afterDue}, {@code afterCase}), at most {@code limit}. */
    public record Query(String status, UUID debtorId, LocalDate dueBy, LocalDate afterDue, UUID afterCase, int limit) {
    }

    public Uni<List<Listed>> list(SqlClient client, TenantId tenant, Query q) {
        return client.preparedQuery("SELECT case_id, invoice_number, debtor_id, status, due_date, open, currency, next_action_on "
                        + "FROM dunning_cases WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "AND ($3::uuid IS NULL OR debtor_id = $3) AND ($4::date IS NULL OR due_date <= $4) "
                        + "AND ($5::date IS NULL OR (due_date, case_id) > ($5, $6)) ORDER BY due_date, case_id LIMIT $7")
                .execute(Tuple.tuple(Arrays.asList(tenant.value(), q.status(), q.debtorId(), q.dueBy(), q.afterDue(),
                        q.afterCase(), q.limit())))
                .map(rows -> {
                    List<Listed> listed = new ArrayList<>();
                    for (Row r : rows) {
                        listed.add(new Listed(r.getUUID("case_id"), r.getString("invoice_number"), r.getUUID("debtor_id"),
                                r.getString("status"), r.getLocalDate("due_date"), r.getBigDecimal("open"),
                                r.getString("currency"), r.getLocalDate("next_action_on")));
                    }
                    return listed;
                });
    }
}
