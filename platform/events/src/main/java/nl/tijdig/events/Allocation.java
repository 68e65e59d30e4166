package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * The part of a payment applied to one invoice, and the invoice's open principal after it. Optional
 * (added in v1 without breaking it): {@code writtenOff}, a residual below the tenant's tolerance that
 * this payment closed — the invoice's open principal after is then zero.
 */
public record Allocation(InvoiceId invoiceId, Money amount, Money openPrincipalAfter, Money writtenOff) {

    /** An allocation that writes nothing off. */
    public Allocation(InvoiceId invoiceId, Money amount, Money openPrincipalAfter) {
        this(invoiceId, amount, openPrincipalAfter, null);
    }

    public Allocation {
        required(invoiceId, "invoiceId");
        required(amount, "amount");
        required(openPrincipalAfter, "openPrincipalAfter");
    }
}
