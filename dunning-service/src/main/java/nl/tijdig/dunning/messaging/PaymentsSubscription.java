package nl.tijdig.dunning.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import nl.tijdig.dunning.domain.DunningCase;
import nl.tijdig.dunning.store.CaseStore;
import nl.tijdig.dunning.store.Projections;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentLinkCreated;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the payment-service: each allocation says what is open on its invoice now (a case with
 * nothing open closes as paid, a partial payment only lowers it); a reversal says it again, and a paid
 * case opens again. Pay links are kept for the letters. Through the inbox: each event counts once.
 */
@ApplicationScoped
public class PaymentsSubscription implements EventSubscription {

    public static final String NAME = "dunning-service.payments";

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
        return Set.of(BoundedContext.PAYMENT.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case PaymentReceived received -> apply(tx, received.tenantId(), received.allocations(), received.valueDate(),
                    received.paymentId().value());
            case PaymentReversed reversed -> apply(tx, reversed.tenantId(), reversed.allocationsReversed(),
                    reversed.reversalDate(), reversed.paymentId().value());
            case PaymentLinkCreated link -> projections.payLink(tx, link.tenantId(), link.invoiceId(), link.url());
            case PaymentLinkClosed link -> projections.payLink(tx, link.tenantId(), link.invoiceId(), null);
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> apply(io.vertx.mutiny.sqlclient.SqlConnection tx, TenantId tenant, List<Allocation> allocations,
            java.time.LocalDate on, java.util.UUID payment) {
        return Multi.createFrom().iterable(allocations)
                .onItem().transformToUniAndConcatenate(a -> cases.handle(tx, tenant, a.invoiceId(),
                        new DunningCase.OpenChanged(a.openPrincipalAfter(), DunningCase.ClosedReason.PAID, on, payment)))
                .collect().last().replaceWithVoid();
    }
}
