package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;

/**
 * A payment was returned or reversed (a direct debit the payer reversed, a returned transfer); the
 * invoices it paid are open again by the allocations undone. {@code reasonCode} is the ISO 20022
 * return reason (e.g. MD06, AC04).
 */
public record PaymentReversed(TenantId tenantId, PaymentId paymentId, Money amount, LocalDate reversalDate,
        String reasonCode, List<Allocation> allocationsReversed, Instant occurredAt) implements PaymentEvent {

    public PaymentReversed {
        required(tenantId, "tenantId");
        required(paymentId, "paymentId");
        required(amount, "amount");
        required(reversalDate, "reversalDate");
        text(reasonCode, "reasonCode");
        allocationsReversed = list(allocationsReversed, "allocationsReversed");
        required(occurredAt, "occurredAt");
    }

    @Override
    public java.util.UUID aggregateId() {
        return paymentId().value();
    }
}
