package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.collection.domain.CaseFile;
import nl.tijdig.kernel.TenantId;

/**
 * The daily case files of the batch-file agencies: which partners have cases waiting and no file yet today, and
 * the claim of a day's file — its row in {@code case_files} (one per partner and day) and the partner's pending
 * hand-overs, locked until the file is written and the cases recorded as handed over.
 */
@ApplicationScoped
public class CaseFiles {

    /** A batch-file agency with cases waiting for its file. */
    public record Due(UUID partnerId, TenantId tenant) {
    }

    @Inject
    Clock clock;

    /** The batch-file agencies (of any tenant) with pending hand-overs and no case file on {@code day}. */
    public Uni<List<Due>> due(SqlClient client, LocalDate day) {
        return client.preparedQuery("SELECT DISTINCT p.partner_id, p.tenant_id FROM partners p JOIN hand_overs h ON h.partner_id = p.partner_id "
                        + "WHERE p.kind = 'CSV_AGENCY' AND h.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM case_files f "
                        + "WHERE f.partner_id = p.partner_id AND f.file_date = $1)")
                .execute(Tuple.of(day))
                .map(rows -> {
                    List<Due> due = new ArrayList<>();
                    rows.forEach(row -> due.add(new Due(row.getUUID("partner_id"), new TenantId(row.getUUID("tenant_id")))));
                    return due;
                });
    }

    /**
     * Claims the day's file of the partner: empty when it was written already (by this or another instance);
     * else its pending cases, locked in this transaction.
     */
    public Uni<List<CaseFile.Entry>> claim(SqlConnection tx, Due partner, LocalDate day, String fileName) {
        return tx.preparedQuery("INSERT INTO case_files (partner_id, file_date, tenant_id, file_name, written_at) VALUES ($1, $2, $3, $4, $5) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(partner.partnerId(), day, partner.tenant().value(), fileName, CollectionCases.at(clock.instant())))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().item(List.<CaseFile.Entry>of())
                        : tx.preparedQuery("SELECT h.collection_case_id, e.dossier FROM hand_overs h JOIN escalations e "
                                        + "ON e.collection_case_id = h.collection_case_id WHERE h.partner_id = $1 AND h.status = 'PENDING' "
                                        + "ORDER BY e.received_at, h.collection_case_id FOR UPDATE OF h SKIP LOCKED")
                                .execute(Tuple.of(partner.partnerId()))
                                .map(rows -> {
                                    List<CaseFile.Entry> entries = new ArrayList<>();
                                    for (Row row : rows) {
                                        entries.add(new CaseFile.Entry(row.getUUID("collection_case_id"), Intake.dossier(row.getValue("dossier"))));
                                    }
                                    return entries;
                                }))
                .call(entries -> entries.isEmpty()
                        // another instance holds them: no file today from here, and none recorded
                        ? tx.preparedQuery("DELETE FROM case_files WHERE partner_id = $1 AND file_date = $2 AND cases = 0")
                                .execute(Tuple.of(partner.partnerId(), day))
                        : tx.preparedQuery("UPDATE case_files SET cases = $3 WHERE partner_id = $1 AND file_date = $2")
                                .execute(Tuple.of(partner.partnerId(), day, entries.size())));
    }
}
