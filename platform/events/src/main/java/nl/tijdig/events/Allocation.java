package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/** The part of a payment applied to one invoice, and the invoice's open principal after it. */
public record Allocation(InvoiceId invoiceId, Money amount, Money openPrincipalAfter) {

    public Allocation {
        required(invoiceId, "invoiceId");
        required(amount, "amount");
        required(openPrincipalAfter, "openPrincipalAfter");
    }
}
