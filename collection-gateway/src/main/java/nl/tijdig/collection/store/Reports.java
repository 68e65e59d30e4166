package nl.tijdig.collection.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import nl.tijdig.kernel.Decision;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.collection.domain.PartnerReport;
import nl.tijdig.eventstore.ConcurrencyConflictException;

/**
 * A partner's reports on its cases, however they come (a signed callback, a record of a status file): each message id
 * is applied once ({@code callbacks_seen}), to a case of this partner, decided on the case. A refusal rolls the whole
 * back, message id included, so the report can be sent again once corrected.
 */
@ApplicationScoped
public class Reports {

    /** What became of a report. */
    public sealed interface Outcome {
    }

    /** Applied: the case's status now. */
    public record Applied(UUID collectionCaseId, String status) implements Outcome {
    }

    /** This message was applied before; nothing changed. */
    public record Duplicate(UUID collectionCaseId) implements Outcome {
    }

    /** No case of this partner under that reference. */
    public record Unknown(UUID collectionCaseId) implements Outcome {
    }

    /** Not applied: the case's state does not allow it ({@code field} "status") or a field is wrong. */
    public record Refused(UUID collectionCaseId, String field, String reason) implements Outcome {
    }

    @Inject
    Pool pool;

    @Inject
    CollectionCases cases;

    @Inject
    Clock clock;

    /** Applies the report in its own transaction. */
    public Uni<Outcome> apply(Partners.Connection partner, String messageId, UUID caseId, PartnerReport report) {
        UUID partnerId = partner.partner().partnerId();
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO callbacks_seen (partner_id, message_id, received_at) "
                                + "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(partnerId, messageId, CollectionCases.at(clock.instant())))
                        .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().<Outcome>item(new Duplicate(caseId))
                                : decide(tx, partner, caseId, report)))
                .onFailure(ConcurrencyConflictException.class).retry().atMost(3)
                .onFailure(Rollback.class).recoverWithItem(failure -> ((Rollback) failure).outcome);
    }

    private Uni<Outcome> decide(SqlConnection tx, Partners.Connection partner, UUID caseId, PartnerReport report) {
        return cases.load(tx, partner.tenant(), caseId).chain(state -> {
            if (state.isEmpty() || !state.get().partnerId().equals(partner.partner().partnerId())) {
                throw new Rollback(new Unknown(caseId));
            }
            return cases.execute(tx, partner.tenant(), caseId, new CollectionCase.Report(report, clock.instant()), null);
        }).chain(decision -> switch (decision) {
            case Decision.Refused<CollectionEvent> refused -> throw new Rollback(new Refused(caseId, refused.first().field(),
                    refused.first().message()));
            case Decision.Decided<CollectionEvent> decided -> cases.find(tx, partner.tenant(), caseId)
                    .map(entry -> (Outcome) new Applied(caseId, entry.map(CollectionCases.Entry::status).orElse(null)));
        });
    }

    /** Ends the transaction without a change, carrying the outcome out. */
    private static final class Rollback extends RuntimeException {
        final Outcome outcome;

        Rollback(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
