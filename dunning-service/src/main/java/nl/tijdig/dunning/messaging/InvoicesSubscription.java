package nl.tijdig.dunning.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.dunning.store.Projections;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.kernel.Money;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the invoice-service: an issued invoice opens its case; a credit note lowers what is open (a
 * case credited to zero closes); a cancellation closes it. The creditor's profile and the debtors'
 * contacts are kept for the letters. Through the inbox: each event counts once.
 */
@ApplicationScoped
public class InvoicesSubscription implements EventSubscription {

    public static final String NAME = "dunning-service.invoices";

    @Inject
    CaseStore cases;

    @Inject
    Projections projections;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.INVOICE.topic());
    }

    @Override
    public EventHandler handler() {
        return new EventHandler() {
            @Override
            public Uni<Void> handle(SqlConnection tx, EventEnvelope event) {
                return one(tx, event);
            }

            /** Runs of issued invoices open their cases together; everything else one by one, in order. */
            @Override
            public Uni<Void> handleAll(SqlConnection tx, List<EventEnvelope> events) {
                List<Run> runs = new ArrayList<>();
                List<InvoiceIssued> issued = new ArrayList<>();
                for (EventEnvelope event : events) {
                    if (event.data() instanceof InvoiceIssued invoice) {
                        issued.add(invoice);
                        continue;
                    }
                    if (!issued.isEmpty()) {
                        runs.add(new Run(List.copyOf(issued), null));
                        issued.clear();
                    }
                    runs.add(new Run(List.of(), event));
                }
                if (!issued.isEmpty()) {
                    runs.add(new Run(List.copyOf(issued), null));
                }
                return Multi.createFrom().iterable(runs)
                        .onItem().transformToUniAndConcatenate(run -> (run.other() != null ? one(tx, run.other())
                                : cases.openedAll(tx, run.issued())).replaceWith(Boolean.TRUE))
                        .collect().last().replaceWithVoid();
            }
        };
    }

    /** Consecutive issued invoices of a batch, or one other event. */
    private record Run(List<InvoiceIssued> issued, EventEnvelope other) {
    }

    private Uni<Void> one(SqlConnection tx, EventEnvelope event) {
        return switch (event.data()) {
            case InvoiceIssued issued -> cases.opened(tx, issued);
            case InvoiceCredited credited -> cases.get(tx, credited.tenantId(), credited.invoiceId().value())
                    .flatMap(found -> found.isEmpty() ? Uni.createFrom().voidItem()
                            : cases.handle(tx, credited.tenantId(), credited.invoiceId(), new DunningCase.OpenChanged(
                                    found.get().state().open().minus(credited.amountInclVat()).max(Money.zero(
                                            credited.amountInclVat().currency())), DunningCase.ClosedReason.CREDITED,
                                    credited.creditDate()))
                                    .replaceWithVoid());
            case InvoiceCancelled cancelled -> cases.handle(tx, cancelled.tenantId(), cancelled.invoiceId(),
                    new DunningCase.OpenChanged(Money.zero(Money.EUR), DunningCase.ClosedReason.CANCELLED,
                            nl.tijdig.kernel.BusinessTime.dateOf(cancelled.occurredAt()))).replaceWithVoid();
            case CreditorProfileUpdated profile -> projections.creditor(tx, profile);
            case DebtorRegistered registered -> projections.debtor(tx, registered.tenantId(), registered.debtorId(),
                    registered.debtor());
            case DebtorUpdated updated -> projections.debtor(tx, updated.tenantId(), updated.debtorId(), updated.debtor());
            default -> Uni.createFrom().voidItem();
        };
    }
}
