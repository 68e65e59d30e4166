package nl.tijdig.dunning.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/**
 * The dunning cases, one per invoice: the decider's state as JSON with the columns the scheduler and
 * the API look up by. Every change is decided on the row read {@code FOR UPDATE}; a command that
 * decides nothing writes nothing.
 */
@ApplicationScoped
public class CaseStore {

    @Inject
    PolicyStore policies;

    /** A case as the API shows it. */
    public record View(UUID caseId, String invoiceNumber, UUID debtorId, String segment, DunningCase.State state,
            LocalDate nextActionOn) {
    }

    /** Opens the case of a newly issued invoice with the tenant's current policy for its segment (once). */
    public Uni<Void> opened(SqlConnection tx, InvoiceIssued invoice) {
        return policies.current(tx, invoice.tenantId(), invoice.debtor().segment()).flatMap(policy -> {
            DunningCase.State state = DunningCase.State.opened(invoice.invoiceId(), policy, invoice.dueDate(),
                    invoice.totalInclVat());
            return tx.preparedQuery("INSERT INTO dunning_cases (tenant_id, case_id, debtor_id, invoice_number, segment, status, "
                            + "currency, open, state, next_action_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                            + "ON CONFLICT (tenant_id, case_id) DO NOTHING")
                    .execute(Tuple.tuple(Arrays.asList(invoice.tenantId().value(), invoice.invoiceId().value(),
                            invoice.debtor().debtorId().value(), invoice.invoiceNumber(), invoice.debtor().segment().name(),
                            state.status().name(), state.open().currency().getCurrencyCode(), state.open().amount(),
                            json(state), DunningCase.nextActionOn(state).orElse(null))))
                    .replaceWithVoid();
        });
    }

    /** Decides a command on the case, if the tenant has it; applies and stores what was decided. */
    public Uni<List<DunningCase.Event>> handle(SqlConnection tx, TenantId tenant, InvoiceId caseId, DunningCase.Command command) {
        return tx.preparedQuery("SELECT state FROM dunning_cases WHERE tenant_id = $1 AND case_id = $2 FOR UPDATE")
                .execute(Tuple.of(tenant.value(), caseId.value())).flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(List.<DunningCase.Event>of()); // an invoice this service has not seen
                    }
                    DunningCase.State state = state(rows.iterator().next().getJsonObject("state"));
                    List<DunningCase.Event> events = DunningCase.decide(command, state);
                    if (events.isEmpty()) {
                        return Uni.createFrom().item(events);
                    }
                    DunningCase.State next = DunningCase.replay(state, events);
                    return tx.preparedQuery("UPDATE dunning_cases SET status = $3, open = $4, state = $5, next_action_on = $6, "
                                    + "version = version + 1 WHERE tenant_id = $1 AND case_id = $2")
                            .execute(Tuple.tuple(Arrays.asList(tenant.value(), caseId.value(), next.status().name(),
                                    next.open().amount(), json(next), DunningCase.nextActionOn(next).orElse(null))))
                            .replaceWith(events);
                });
    }

    public Uni<Optional<View>> get(SqlClient client, TenantId tenant, UUID caseId) {
        return client.preparedQuery("SELECT * FROM dunning_cases WHERE tenant_id = $1 AND case_id = $2")
                .execute(Tuple.of(tenant.value(), caseId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static View view(Row row) {
        return new View(row.getUUID("case_id"), row.getString("invoice_number"), row.getUUID("debtor_id"),
                row.getString("segment"), state(row.getJsonObject("state")), row.getLocalDate("next_action_on"));
    }

    private static JsonObject json(DunningCase.State state) {
        try {
            return new JsonObject(EventJson.mapper().writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DunningCase.State state(JsonObject json) {
        try {
            return EventJson.mapper().readValue(json.encode(), DunningCase.State.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case does not read back: " + e.getMessage(), e);
        }
    }
}
