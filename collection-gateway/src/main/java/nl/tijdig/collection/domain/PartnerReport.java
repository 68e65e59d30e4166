package nl.tijdig.collection.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.kernel.Money;

/**
 * What a collection agency reports about a case (its status callbacks, or a line of its status file): the
 * statuses of the partner contract in {@code collection-gateway/README.md}.
 */
public sealed interface PartnerReport {

    /** The agency took the case, under its own reference. */
    record Accepted(String partnerReference, String note) implements PartnerReport {
    }

    /** The agency does not take the case. */
    record Rejected(String reason) implements PartnerReport {
    }

    /** The agency is working the case. */
    record InProgress(String note) implements PartnerReport {
    }

    /**
     * The agency collected {@code amount} for the creditor (and {@code agencyCosts} for itself) on
     * {@code valueDate}; {@code invoices} splits the amount over the case's invoices, or is empty (then it is
     * placed on the invoices oldest first). {@code reportId} is the agency's id of this report: a report counts once.
     */
    record PaymentCollected(UUID reportId, Money amount, Money agencyCosts, LocalDate valueDate,
            List<CollectionPaymentReported.Part> invoices)
            implements PartnerReport {

        public PaymentCollected {
            invoices = invoices == null ? List.of() : List.copyOf(invoices);
        }
    }

    /** The agency ended its work on the case. */
    record Closed(String reason) implements PartnerReport {
    }

    /** The agency gives the claim back to the creditor. */
    record Returned(String reason) implements PartnerReport {
    }
}
