package nl.tijdig.payment.domain;

import java.util.List;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/** The outcome of matching a payment: placed by a rule, or not. */
public sealed interface Match {

    /** Which rule placed a payment. */
    enum Rule {
        /** The reporter named the invoice. */
        INVOICE_ID,
        /** The structured payment reference: a betalingskenmerk, or an ISO 11649 RF reference (the invoice's own, or made of its number). */
        BETALINGSKENMERK,
        /** Invoice numbers in the remittance text. */
        INVOICE_NUMBER,
        /** The payer's IBAN is the debtor's (with the amount of an invoice, or oldest first). */
        IBAN,
        /** The payer's name is the debtor's, with the exact amount of one open invoice. */
        NAME,
        /** Staff allocated it. */
        MANUAL,
        /** A collection agency reported it, split over the invoices. */
        COLLECTION
    }

    /**
     * What a payment did to one invoice: the amount applied, the open principal after, and a residual
     * below the tolerance written off (the open principal after is then zero).
     */
    record Allocation(InvoiceId invoiceId, Money amount, Money openAfter, Money writtenOff) {
    }

    /** Placed: the debtor, the allocations, and what is left as the debtor's credit. */
    record Matched(Rule rule, DebtorId debtorId, List<Allocation> allocations, Money credit) implements Match {

        public Matched {
            allocations = List.copyOf(allocations);
        }
    }

    /** Not placed, and what was tried. */
    record Unmatched(String reason) implements Match {
    }
}
