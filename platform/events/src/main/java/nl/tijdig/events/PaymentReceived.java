package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;

/**
 * Money came in, and this is how it was allocated to invoices; what could not be allocated is
 * {@code unallocated} (the debtor's credit, or unmatched when {@code debtorId} is null). The
 * allocations and the unallocated rest add up to {@code amount}.
 */
public record PaymentReceived(TenantId tenantId, PaymentId paymentId, DebtorId debtorId, Money amount,
        LocalDate valueDate, Source source, String payerName, String payerIban, String remittanceInformation,
        List<Allocation> allocations, Money unallocated, Instant occurredAt) implements PaymentEvent {

    /** How the payment reached us. */
    public enum Source {
        API,
        BANK_STATEMENT,
        PAY_LINK,
        DIRECT_DEBIT,
        /** Collected by a collection agency (CollectionPaymentReported). */
        COLLECTION
    }

    public PaymentReceived {
        required(tenantId, "tenantId");
        required(paymentId, "paymentId");
        required(amount, "amount");
        required(valueDate, "valueDate");
        required(source, "source");
        allocations = list(allocations, "allocations");
        required(unallocated, "unallocated");
        required(occurredAt, "occurredAt");
        Money allocated = allocations.stream().map(Allocation::amount).reduce(unallocated, Money::plus);
        if (!allocated.equals(amount)) {
            throw new IllegalArgumentException("allocations plus unallocated (" + allocated + ") differ from amount " + amount);
        }
    }

    @Override
    public java.util.UUID aggregateId() {
        return paymentId().value();
    }
}
