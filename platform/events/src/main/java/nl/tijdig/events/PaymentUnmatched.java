package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;

/**
 * Money came in that no matching rule could place (no betalingskenmerk, invoice number, debtor IBAN or
 * name with the amount): it waits in the tenant's queue until staff allocate it, which publishes
 * PaymentReceived. Dunning goes on meanwhile. {@code reason} says what was tried.
 */
public record PaymentUnmatched(TenantId tenantId, PaymentId paymentId, Money amount, LocalDate valueDate,
        PaymentReceived.Source source, String payerName, String payerIban, String remittanceInformation, String reason,
        Instant occurredAt) implements PaymentEvent {

    public PaymentUnmatched {
        required(tenantId, "tenantId");
        required(paymentId, "paymentId");
        required(amount, "amount");
        required(valueDate, "valueDate");
        required(source, "source");
        text(reason, "reason");
        required(occurredAt, "occurredAt");
    }

    @Override
    public java.util.UUID aggregateId() {
        return paymentId().value();
    }
}
