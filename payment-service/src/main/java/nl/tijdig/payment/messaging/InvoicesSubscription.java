package nl.tijdig.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the invoice-service: an issued invoice becomes an open item (with its number, debtor and
 * betalingskenmerk), a credit note lowers it, a cancellation closes it; debtors' names and IBANs are
 * kept for matching. Runs through the inbox, so a redelivered event counts once.
 */
@ApplicationScoped
public class InvoicesSubscription implements EventSubscription {

    public static final String NAME = "payment-service.invoices";

    @Inject
    OpenItems openItems;

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
        return (tx, event) -> switch (event.data()) {
            case InvoiceIssued issued -> openItems.issued(tx, issued);
            case InvoiceCredited credited -> openItems.credited(tx, credited.tenantId(), credited.invoiceId(),
                    credited.amountInclVat());
            case InvoiceCancelled cancelled -> openItems.cancelled(tx, cancelled.tenantId(), cancelled.invoiceId());
            case DebtorRegistered registered -> openItems.debtor(tx, registered.tenantId(), registered.debtorId(),
                    registered.debtor().name(), registered.debtor().iban(), true);
            case DebtorUpdated updated -> openItems.debtor(tx, updated.tenantId(), updated.debtorId(),
                    updated.debtor().name(), updated.debtor().iban(), true);
            default -> Uni.createFrom().voidItem();
        };
    }
}
