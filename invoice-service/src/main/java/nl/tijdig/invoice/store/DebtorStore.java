package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.tijdig.events.InvoiceEvent;
import jakarta.annotation.PostConstruct;
import nl.tijdig.eventstore.DecisionStore;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.invoice.domain.DebtorDecider;
import nl.tijdig.invoice.domain.UblImport;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.TenantId;

/**
 * Debtors as event streams (one per debtor): DebtorRegistered, then DebtorUpdated. The state is the
 * data of the last event; the version guards against concurrent changes.
 */
@ApplicationScoped
public class DebtorStore extends EventStreams {

    static final String STREAM_TYPE = "debtor";

    /** A debtor and the version of its stream. */
    public record Versioned(Debtor debtor, long version) {
    }

    DebtorStore() {
        super(STREAM_TYPE);
    }

    public Uni<Optional<Versioned>> load(SqlClient client, TenantId tenant, DebtorId id) {
        return read(client, tenant, id.value()).map(stream -> {
            Debtor debtor = DebtorDecider.DECIDER.fold(stream.events());
            return debtor == null ? Optional.empty() : Optional.of(new Versioned(debtor, stream.version()));
        });
    }

    /** The tenant's debtors among these, in one query; an unknown id is absent from the map. */
    public Uni<java.util.Map<DebtorId, Debtor>> loadAll(SqlClient client, TenantId tenant, java.util.Collection<DebtorId> ids) {
        return store.loadAll(client, tenant, ids.stream().map(DebtorId::value).distinct().toList()).map(streams -> {
            java.util.Map<DebtorId, Debtor> found = new java.util.HashMap<>();
            streams.forEach((id, recorded) -> {
                Debtor debtor = DebtorDecider.DECIDER.fold(recorded.stream()
                        .map(event -> DecisionStore.read(event, InvoiceEvent.class)).toList());
                if (debtor != null) {
                    found.put(new DebtorId(id), debtor);
                }
            });
            return found;
        });
    }

    private DecisionStore<DebtorDecider.Command, Debtor, InvoiceEvent> decisions;

    @PostConstruct
    void init() {
        decisions = new DecisionStore<>(store, ids, STREAM_TYPE, DebtorDecider.DECIDER, InvoiceEvent.class);
    }

    /**
     * Registers or changes the debtor as {@link DebtorDecider} decides, and keeps the keys it is found by; the debtor
     * as it is after. A refusal ends the transaction without a change.
     */
    public Uni<Debtor> handle(SqlConnection tx, TenantId tenant, DebtorDecider.Command command) {
        return decisions.handle(tx, tenant, command.debtor().id().value(), command).chain(outcome -> {
            if (outcome.decision() instanceof Decision.Refused<InvoiceEvent> refused) {
                throw refused.exception();
            }
            return outcome.events().isEmpty() ? Uni.createFrom().item(outcome.after())
                    : keys(tx, tenant, outcome.after()).replaceWith(outcome.after());
        });
    }

    /**
     * The tenant's debtor with this KvK number, else with this VAT id (normalised: no spaces or dots,
     * capitals), if any; the earliest registered when several share one.
     */
    public Uni<Optional<DebtorId>> findByKeys(SqlClient client, TenantId tenant, String kvkNumber, String vatId) {
        return client.preparedQuery("SELECT debtor_id FROM debtor_keys WHERE tenant_id = $1 "
                        + "AND ((kind = 'kvk' AND value = $2) OR (kind = 'vat' AND value = $3)) "
                        + "ORDER BY kind = 'kvk' DESC, debtor_id LIMIT 1")
                .execute(Tuple.of(tenant.value(), kvkNumber, vatId == null ? null : UblImport.normalVatId(vatId)))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new DebtorId(rows.iterator().next().getUUID(0))));
    }

    /** The identifiers the debtor is found by, replaced in the debtor's transaction. */
    private Uni<Void> keys(SqlConnection tx, TenantId tenant, Debtor debtor) {
        List<Tuple> keys = new ArrayList<>();
        if (debtor.kvkNumber() != null && !debtor.kvkNumber().isBlank()) {
            keys.add(Tuple.of(tenant.value(), "kvk", debtor.kvkNumber().strip(), debtor.id().value()));
        }
        if (debtor.vatId() != null && !debtor.vatId().isBlank()) {
            keys.add(Tuple.of(tenant.value(), "vat", UblImport.normalVatId(debtor.vatId()), debtor.id().value()));
        }
        Uni<Void> cleared = tx.preparedQuery("DELETE FROM debtor_keys WHERE tenant_id = $1 AND debtor_id = $2")
                .execute(Tuple.of(tenant.value(), debtor.id().value())).replaceWithVoid();
        return keys.isEmpty() ? cleared : cleared.chain(() -> tx.preparedQuery(
                "INSERT INTO debtor_keys (tenant_id, kind, value, debtor_id) VALUES ($1, $2, $3, $4)")
                .executeBatch(keys).replaceWithVoid());
    }
}
