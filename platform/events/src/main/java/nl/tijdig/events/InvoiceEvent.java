package nl.tijdig.events;

import java.util.UUID;
import nl.tijdig.kernel.InvoiceId;

/** Published by the invoice-service on {@code tijdig.invoice.v1}, keyed by invoice id. */
public sealed interface InvoiceEvent extends PublicEvent permits InvoiceIssued, InvoiceCredited, InvoiceCancelled {

    InvoiceId invoiceId();

    @Override
    default UUID aggregateId() {
        return invoiceId().value();
    }
}
