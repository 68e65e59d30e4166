package nl.tijdig.dunning.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.events.PhoneCallCompleted;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.InvoiceId;

/**
 * A call to the debtor (PhoneCallCompleted) on each case it was about: on the case's record, with who
 * called; a promise becomes the case's promise to pay (reminders wait), a dispute its dispute (held until
 * resolved); reached or not, dunning otherwise goes on. Cases the tenant does not have are passed by. A
 * call is taken in once by its call id, even when published again under a new event id.
 */
@ApplicationScoped
public class PhoneCalls {

    @Inject
    CaseStore cases;

    public Uni<Void> completed(SqlConnection tx, PhoneCallCompleted call) {
        return tx.preparedQuery("INSERT INTO phone_calls (tenant_id, call_id, outcome, called_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT DO NOTHING RETURNING call_id")
                .execute(Tuple.of(call.tenantId().value(), call.callId(), call.outcome().name(),
                        call.calledAt().atOffset(ZoneOffset.UTC)))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().voidItem() : apply(tx, call));
    }

    private Uni<Void> apply(SqlConnection tx, PhoneCallCompleted call) {
        LocalDate on = BusinessTime.dateOf(call.calledAt());
        Uni<Void> done = Uni.createFrom().voidItem();
        for (CaseId caseId : call.caseIds()) {
            InvoiceId invoice = new InvoiceId(caseId.value());
            done = done.chain(() -> cases.handle(tx, call.tenantId(), invoice, new DunningCase.LogCall(call.callId(),
                            DunningCase.CallOutcome.valueOf(call.outcome().name()), call.spokeWith(), call.notes(),
                            call.calledBy(), on)))
                    .chain(() -> switch (call.outcome()) {
                        case PROMISE -> cases.handle(tx, call.tenantId(), invoice,
                                new DunningCase.Promise(call.promisedBy(), call.calledBy(), on));
                        case DISPUTE -> cases.handle(tx, call.tenantId(), invoice, new DunningCase.OpenDispute(
                                DunningCase.DisputeReason.valueOf(call.disputeReason().name()), call.notes(), call.calledBy(), on));
                        case REACHED, NOT_REACHED -> Uni.createFrom().item(java.util.List.<DunningCase.Event>of());
                    })
                    .replaceWithVoid();
        }
        return done;
    }
}
