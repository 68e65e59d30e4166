package nl.tijdig.payment.domain;

import java.time.LocalDate;
import java.util.Comparator;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * An invoice with principal still open, as the payment-service keeps it from the invoice events and
 * its own payments: number, debtor, betalingskenmerk, dates and what is open.
 */
public record OpenItem(InvoiceId invoiceId, String invoiceNumber, DebtorId debtorId, String paymentReference,
        LocalDate issueDate, LocalDate dueDate, Money open) {

    /** Oldest first: by due date, then issue date, then number. */
    public static final Comparator<OpenItem> OLDEST_FIRST = Comparator.comparing(OpenItem::dueDate)
            .thenComparing(OpenItem::issueDate).thenComparing(OpenItem::invoiceNumber);
}
