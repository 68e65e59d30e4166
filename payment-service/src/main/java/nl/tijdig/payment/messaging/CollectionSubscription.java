package nl.tijdig.payment.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.payment.domain.CollectionReport;
import nl.tijdig.payment.domain.IncomingPayment;
import nl.tijdig.payment.store.PayLinks;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.PaymentSettings;
import nl.tijdig.payment.store.Payments;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the collection-gateway: money an agency collected becomes a payment (source COLLECTION, its
 * id the report's, so a report counts once even when published again) placed on the invoices the report
 * names, the rest the debtor's credit — published as PaymentReceived like any other, so dunning and the
 * read models follow; an invoice assigned to a factor closes its pay link and leaves direct-debit runs.
 * Built against the gateway's contract examples.
 */
@ApplicationScoped
public class CollectionSubscription implements EventSubscription {

    public static final String NAME = "payment-service.collection";

    @Inject
    Payments payments;

    @Inject
    OpenItems openItems;

    @Inject
    PaymentSettings settings;

    @Inject
    PayLinks payLinks;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.COLLECTION.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case CollectionPaymentReported reported -> reported(tx, reported);
            case InvoiceAssigned assigned -> payLinks.handedOver(tx, assigned.tenantId(), List.of(assigned.invoiceId()),
                    PaymentLinkClosed.Reason.ASSIGNED)
                    .chain(() -> openItems.handedOver(tx, assigned.tenantId(), List.of(assigned.invoiceId()), "FACTOR"));
            default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> reported(SqlConnection tx, CollectionPaymentReported reported) {
        PaymentId id = new PaymentId(reported.reportId());
        return payments.load(tx, reported.tenantId(), id).flatMap(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().voidItem();
            }
            List<CollectionReport.Part> parts = reported.invoices().stream()
                    .map(p -> new CollectionReport.Part(p.invoiceId(), p.amount())).toList();
            IncomingPayment payment = new IncomingPayment(reported.amount(), reported.valueDate(), reported.partner(), null,
                    "collected by " + reported.partner() + ", case " + reported.collectionCaseId(), null);
            return settings.tolerance(tx, reported.tenantId()).flatMap(tolerance -> openItems.lock(tx,
                    reported.tenantId(), parts.stream().map(CollectionReport.Part::invoiceId).toList())
                    .flatMap(items -> payments.received(tx, reported.tenantId(), id, payment,
                            PaymentReceived.Source.COLLECTION, CollectionReport.allocate(reported.amount(),
                                    reported.debtorId(), parts, items, tolerance.currency().equals(
                                            reported.amount().currency()) ? tolerance
                                            : Money.zero(reported.amount().currency())))))
                    .replaceWithVoid();
        });
    }
}
