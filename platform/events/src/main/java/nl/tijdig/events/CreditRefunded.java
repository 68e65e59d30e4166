package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * Part or all of a debtor's credit (what its payments brought beyond its invoices) is paid back: it is
 * taken off the credit now and goes out by SEPA credit transfer in the tenant's next pain.001 file.
 * {@code creditAfter} is what the debtor still has in that currency.
 */
public record CreditRefunded(TenantId tenantId, UUID refundId, DebtorId debtorId, Money amount, String iban,
        String accountHolder, String reason, Money creditAfter, Instant occurredAt) implements PaymentEvent {

    public CreditRefunded {
        required(tenantId, "tenantId");
        required(refundId, "refundId");
        required(debtorId, "debtorId");
        required(amount, "amount");
        text(iban, "iban");
        text(accountHolder, "accountHolder");
        required(creditAfter, "creditAfter");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return refundId;
    }
}
