package nl.tijdig.collection.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.collection.domain.Partner;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventJson;
import nl.tijdig.kernel.TenantId;

/**
 * Escalations in: each EscalatedToCollection is kept with its dossier (once: its collection case id comes from
 * the dunning case and the escalation date) and opened as a collection case at the first of the tenant's
 * partners that takes it; while none does, it waits, and is opened when a partner that takes it is saved.
 */
@ApplicationScoped
public class Intake {

    @Inject
    Partners partners;

    @Inject
    CollectionCases cases;

    @Inject
    HandOvers handOvers;

    @Inject
    Clock clock;

    /** The collection case of an escalation: one per dunning case and escalation date. */
    public static UUID collectionCaseId(EscalatedToCollection e) {
        return UUID.nameUUIDFromBytes(("collection:" + e.caseId() + ":" + e.escalationDate()).getBytes(StandardCharsets.UTF_8));
    }

    public Uni<Void> escalated(SqlConnection tx, EscalatedToCollection escalation) {
        UUID id = collectionCaseId(escalation);
        String dossier;
        try {
            dossier = EventJson.mapper().writeValueAsString(escalation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tx.preparedQuery("INSERT INTO escalations (collection_case_id, tenant_id, case_id, dossier, status, received_at) "
                        + "VALUES ($1, $2, $3, $4, 'WAITING', $5) ON CONFLICT (collection_case_id) DO NOTHING")
                .execute(Tuple.of(id, escalation.tenantId().value(), escalation.caseId().value(), new JsonObject(dossier),
                        CollectionCases.at(clock.instant())))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().voidItem() : openWaiting(tx, escalation.tenantId()));
    }

    /** Opens the tenant's waiting escalations that a partner now takes. */
    public Uni<Void> openWaiting(SqlConnection tx, TenantId tenant) {
        return partners.all(tx, tenant).chain(all -> tx.preparedQuery("SELECT collection_case_id, dossier FROM escalations "
                        + "WHERE tenant_id = $1 AND status = 'WAITING' ORDER BY received_at FOR UPDATE")
                .execute(Tuple.of(tenant.value()))
                .chain(rows -> {
                    List<Uni<Void>> opened = new ArrayList<>();
                    rows.forEach(row -> {
                        EscalatedToCollection e = dossier(row.getValue("dossier"));
                        Optional<Partner> partner = Partner.choose(all, e.debtor().segment(), e.totalClaim());
                        partner.ifPresent(p -> opened.add(open(tx, row.getUUID("collection_case_id"), e, p)));
                    });
                    if (opened.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    // one after the other on the transaction's connection
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Uni<Void> next : opened) {
                        chain = chain.chain(() -> next);
                    }
                    return chain;
                }));
    }

    private Uni<Void> open(SqlConnection tx, UUID id, EscalatedToCollection e, Partner partner) {
        return cases.execute(tx, e.tenantId(), id, new CollectionCase.Open(id, e, partner.partnerId(), partner.name(), clock.instant()),
                        e.debtor().name())
                .chain(() -> tx.preparedQuery("UPDATE escalations SET status = 'OPENED' WHERE collection_case_id = $1")
                        .execute(Tuple.of(id)))
                .chain(() -> handOvers.schedule(tx, e.tenantId(), id, partner.partnerId()))
                .replaceWithVoid();
    }

    static EscalatedToCollection dossier(Object json) {
        try {
            return EventJson.mapper().readValue(json.toString(), EscalatedToCollection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dossier does not read", e);
        }
    }
}
