package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A factoring partner accepted an invoice and the claim is assigned (gecedeerd) to it: dunning stops for
 * the creditor, the pay link closes, no direct debit collects it, and VAT bad-debt relief belongs to the
 * buyer of the claim. {@code advance} is what the factor pays the creditor, {@code fee} what it charges.
 * Key: invoiceId.
 */
public record InvoiceAssigned(TenantId tenantId, InvoiceId invoiceId, DebtorId debtorId, String factor,
        LocalDate assignedOn, Money advance, Money fee, Instant occurredAt) implements CollectionEvent {

    public InvoiceAssigned {
        required(tenantId, "tenantId");
        required(invoiceId, "invoiceId");
        required(debtorId, "debtorId");
        text(factor, "factor");
        required(assignedOn, "assignedOn");
        required(advance, "advance");
        required(fee, "fee");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return invoiceId.value();
    }
}
