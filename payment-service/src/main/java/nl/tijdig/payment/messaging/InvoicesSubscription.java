package nl.tijdig.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorUpdated;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.payment.store.PayLinks;
import nl.tijdig.payment.store.OpenItems;
import nl.tijdig.payment.store.SepaFiles;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the invoice-service: an issued invoice becomes an open item (with its number, debtor and
 * betalingskenmerk) and, when the tenant has a payment provider, asks for a pay link; a credit note
 * lowers it, a cancellation closes it (and a link of an invoice with nothing open closes); debtors'
 * names and IBANs are kept for matching; the tenant's own account (its creditor profile) for SEPA files. Runs through the inbox, so a redelivered event counts once.
 */
@ApplicationScoped
public class InvoicesSubscription implements EventSubscription {

    public static final String NAME = "payment-service.invoices";

    @Inject
    OpenItems openItems;

    @Inject
    PayLinks payLinks;

    @Inject
    SepaFiles sepaFiles;

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
            case InvoiceIssued issued -> openItems.issued(tx, issued).chain(() -> payLinks.requested(tx, issued));
            case InvoiceCredited credited -> openItems.credited(tx, credited.tenantId(), credited.invoiceId(),
                    credited.amountInclVat()).chain(() -> payLinks.settled(tx, credited.tenantId(), List.of(credited.invoiceId())));
            case InvoiceCancelled cancelled -> openItems.cancelled(tx, cancelled.tenantId(), cancelled.invoiceId())
                    .chain(() -> payLinks.settled(tx, cancelled.tenantId(), List.of(cancelled.invoiceId())));
            case DebtorRegistered registered -> openItems.debtor(tx, registered.tenantId(), registered.debtorId(),
                    registered.debtor().name(), registered.debtor().iban(), true);
            case DebtorUpdated updated -> openItems.debtor(tx, updated.tenantId(), updated.debtorId(),
                    updated.debtor().name(), updated.debtor().iban(), true);
            case CreditorProfileUpdated profile -> sepaFiles.creditorProfile(tx, profile);
            default -> Uni.createFrom().voidItem();
        };
    }
}
