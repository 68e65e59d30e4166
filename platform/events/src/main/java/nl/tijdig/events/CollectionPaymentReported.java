package nl.tijdig.events;

import static nl.tijdig.events.Values.list;
import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * A collection agency collected money from the debtor on a case the creditor handed over: {@code amount}
 * is what goes to the creditor toward the invoices, split over them in {@code invoices};
 * {@code agencyCosts} (optional) is what the agency collected for its own costs. The payment-service
 * records {@code amount} as a payment (source COLLECTION, payment id = {@code reportId}), so dunning and
 * the read models follow. Key: collectionCaseId.
 */
public record CollectionPaymentReported(TenantId tenantId, UUID collectionCaseId, UUID reportId, String partner,
        DebtorId debtorId, Money amount, LocalDate valueDate, List<Part> invoices, Money agencyCosts, Instant occurredAt)
        implements CollectionEvent {

    /** The part of the amount for one invoice. */
    public record Part(InvoiceId invoiceId, Money amount) {

        public Part {
            required(invoiceId, "invoiceId");
            required(amount, "amount");
        }
    }

    public CollectionPaymentReported {
        required(tenantId, "tenantId");
        required(collectionCaseId, "collectionCaseId");
        required(reportId, "reportId");
        text(partner, "partner");
        required(debtorId, "debtorId");
        required(amount, "amount");
        required(valueDate, "valueDate");
        invoices = list(invoices, "invoices");
        required(occurredAt, "occurredAt");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be more than zero");
        }
        Money parts = invoices.stream().map(Part::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (parts.isGreaterThan(amount)) {
            throw new IllegalArgumentException("the invoices' parts " + parts + " exceed the amount " + amount);
        }
    }

    @Override
    public UUID aggregateId() {
        return collectionCaseId;
    }
}
