package nl.tijdig.notification.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.events.PhoneCallDue;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.domain.CallReport;
import nl.tijdig.notification.domain.PhoneTask;

/**
 * The tenants' phone work lists and call log. A PhoneCallDue is a task (once per task id); staff claim
 * and complete it; every call recorded — from a task or not — is a row of the log and a PhoneCallCompleted
 * for dunning, in one transaction.
 */
@ApplicationScoped
public class PhoneTasks {

    private static final TypeReference<List<InvoiceSummary>> INVOICES = new TypeReference<>() {
    };

    @Inject
    CaseStreams streams;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    /** A task as the work list shows it. */
    public record Task(UUID taskId, UUID caseId, UUID debtorId, String debtorName, String phone, String language,
            List<InvoiceSummary> invoices, Money totalOpen, LocalDate dueOn, String status, String claimedBy,
            Instant claimedAt, UUID callId, Instant completedAt) {
    }

    /** A call as the log shows it. */
    public record Call(UUID callId, UUID taskId, UUID debtorId, List<UUID> caseIds, String outcome, LocalDate promisedBy,
            String disputeReason, String notes, String calledBy, String spokeWith, Instant calledAt, Instant recordedAt) {
    }

    /** Takes a PhoneCallDue in as an open task; a redelivered one finds it. */
    public Uni<Void> due(SqlConnection tx, PhoneCallDue due) {
        String invoices;
        try {
            invoices = EventJson.mapper().writeValueAsString(due.invoices());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tx.preparedQuery("INSERT INTO phone_tasks (task_id, tenant_id, case_id, debtor_id, debtor_name, phone, language, "
                        + "invoices, total_open, currency, due_on, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                        + "$10, $11, 'OPEN', $12) ON CONFLICT (task_id) DO NOTHING")
                .execute(Tuple.tuple(Arrays.asList(due.taskId(), due.tenantId().value(), due.caseId().value(),
                        due.debtor().debtorId().value(), due.debtor().name(), due.debtor().phone(),
                        due.debtor().language() == null ? "nl" : due.debtor().language(), invoices, due.totalOpen().amount(),
                        due.totalOpen().currency().getCurrencyCode(), due.dueOn(), Communications.at(due.occurredAt()))))
                .chain(() -> known(tx, due.tenantId(), due.caseId(), due.debtor().debtorId()));
    }

    /** Notes a case of the tenant and its debtor (from any event of dunning's that names both). */
    public Uni<Void> known(SqlConnection tx, TenantId tenant, CaseId caseId, DebtorId debtor) {
        return tx.preparedQuery("INSERT INTO known_cases (tenant_id, case_id, debtor_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(tenant.value(), caseId.value(), debtor.value())).replaceWithVoid();
    }

    /** Which of the cases are not known as cases of this tenant's debtor. */
    public Uni<List<UUID>> unknown(SqlClient client, TenantId tenant, DebtorId debtor, List<CaseId> cases) {
        UUID[] ids = cases.stream().map(CaseId::value).toArray(UUID[]::new);
        return client.preparedQuery("SELECT id FROM unnest($3::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM known_cases k "
                        + "WHERE k.tenant_id = $1 AND k.debtor_id = $2 AND k.case_id = id)")
                .execute(Tuple.of(tenant.value(), debtor.value(), ids))
                .map(rows -> {
                    List<UUID> unknown = new ArrayList<>();
                    rows.forEach(row -> unknown.add(row.getUUID(0)));
                    return unknown;
                });
    }

    public Uni<List<Task>> list(SqlClient client, TenantId tenant, String status, int limit) {
        return client.preparedQuery("SELECT * FROM phone_tasks WHERE tenant_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "ORDER BY due_on, created_at, task_id LIMIT $3")
                .execute(Tuple.of(tenant.value(), status, limit))
                .map(rows -> {
                    List<Task> tasks = new ArrayList<>();
                    rows.forEach(row -> tasks.add(task(row)));
                    return tasks;
                });
    }

    /** The task, held for this transaction. */
    public Uni<Optional<Task>> lock(SqlConnection tx, TenantId tenant, UUID taskId) {
        return tx.preparedQuery("SELECT * FROM phone_tasks WHERE tenant_id = $1 AND task_id = $2 FOR UPDATE")
                .execute(Tuple.of(tenant.value(), taskId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(task(rows.iterator().next())));
    }

    public Uni<Task> claimed(SqlConnection tx, Task task, PhoneTask.State state) {
        return tx.preparedQuery("UPDATE phone_tasks SET status = $2, claimed_by = $3, claimed_at = COALESCE(claimed_at, $4) "
                        + "WHERE task_id = $1 RETURNING *")
                .execute(Tuple.of(task.taskId(), state.status().name(), state.claimedBy(), Communications.at(clock.instant())))
                .map(rows -> task(rows.iterator().next()));
    }

    /** The task done with the call's report: the call logged and published. */
    public Uni<Task> completed(SqlConnection tx, TenantId tenant, Task task, CallReport report, String user) {
        return record(tx, tenant, task.taskId(), new DebtorId(task.debtorId()), List.of(new CaseId(task.caseId())), report, user)
                .chain(call -> tx.preparedQuery("UPDATE phone_tasks SET status = 'DONE', call_id = $2, completed_at = $3, "
                                + "claimed_by = COALESCE(claimed_by, $4) WHERE task_id = $1 RETURNING *")
                        .execute(Tuple.of(task.taskId(), call.callId(), Communications.at(clock.instant()), user)))
                .map(rows -> task(rows.iterator().next()));
    }

    /** A call logged (from a task or not) and PhoneCallCompleted published, keyed by the first case. */
    public Uni<Call> record(SqlConnection tx, TenantId tenant, UUID taskId, DebtorId debtor, List<CaseId> cases,
            CallReport report, String user) {
        UUID callId = ids.next();
        Instant now = clock.instant();
        PhoneCallCompleted event = new PhoneCallCompleted(tenant, cases.get(0), callId, taskId, debtor, cases, report.outcome(),
                report.promisedBy(), report.disputeReason(), report.notes(), user, report.spokeWith(), report.calledAt(), now);
        return tx.preparedQuery("INSERT INTO phone_calls (call_id, tenant_id, task_id, debtor_id, case_ids, outcome, promised_by, "
                        + "dispute_reason, notes, called_by, spoke_with, called_at, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                        + "$9, $10, $11, $12, $13) RETURNING *")
                .execute(Tuple.tuple(Arrays.asList(callId, tenant.value(), taskId, debtor.value(),
                        cases.stream().map(CaseId::value).toArray(UUID[]::new), report.outcome().name(), report.promisedBy(),
                        report.disputeReason() == null ? null : report.disputeReason().name(), report.notes(), user,
                        report.spokeWith(), Communications.at(report.calledAt()), Communications.at(now))))
                .map(rows -> call(rows.iterator().next()))
                .call(() -> streams.append(tx, event));
    }

    /** The tenant's calls, of a case when given, newest first. */
    public Uni<List<Call>> calls(SqlClient client, TenantId tenant, UUID caseId, int limit) {
        return client.preparedQuery("SELECT * FROM phone_calls WHERE tenant_id = $1 AND ($2::uuid IS NULL OR $2 = ANY(case_ids)) "
                        + "ORDER BY called_at DESC, call_id LIMIT $3")
                .execute(Tuple.of(tenant.value(), caseId, limit))
                .map(rows -> {
                    List<Call> calls = new ArrayList<>();
                    rows.forEach(row -> calls.add(call(row)));
                    return calls;
                });
    }

    private static Task task(Row row) {
        List<InvoiceSummary> invoices;
        try {
            invoices = EventJson.mapper().readValue(row.getString("invoices"), INVOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        BigDecimal open = row.getBigDecimal("total_open");
        return new Task(row.getUUID("task_id"), row.getUUID("case_id"), row.getUUID("debtor_id"), row.getString("debtor_name"),
                row.getString("phone"), row.getString("language"), invoices, Money.of(open.toPlainString(), row.getString("currency")),
                row.getLocalDate("due_on"), row.getString("status"), row.getString("claimed_by"), instant(row, "claimed_at"),
                row.getUUID("call_id"), instant(row, "completed_at"));
    }

    private static Call call(Row row) {
        return new Call(row.getUUID("call_id"), row.getUUID("task_id"), row.getUUID("debtor_id"),
                Arrays.asList(row.getArrayOfUUIDs("case_ids")), row.getString("outcome"), row.getLocalDate("promised_by"),
                row.getString("dispute_reason"), row.getString("notes"), row.getString("called_by"), row.getString("spoke_with"),
                instant(row, "called_at"), instant(row, "recorded_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
