package nl.tijdig.payment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * How money a collection agency reports is placed: each invoice the report names gets its part, at most
 * what is still open on it (the debtor may have paid some meanwhile); what is left is the debtor's credit.
 * A residual at or below the tolerance closes the invoice, as with any payment.
 */
public final class CollectionReport {

    /** The part of the reported amount for one invoice. */
    public record Part(InvoiceId invoiceId, Money amount) {
    }

    private CollectionReport() {
    }

    /** The report placed on the debtor's open items (only those named, in the order named). */
    public static Match.Matched allocate(Money amount, DebtorId debtor, List<Part> parts, Map<InvoiceId, OpenItem> items,
            Money tolerance) {
        List<Match.Allocation> allocations = new ArrayList<>();
        Money left = amount;
        for (Part part : parts) {
            OpenItem item = items.get(part.invoiceId());
            if (item == null || !item.debtorId().equals(debtor) || !left.isPositive()
                    || !part.amount().currency().equals(amount.currency())) {
                continue;
            }
            Money applied = part.amount().min(item.open()).min(left);
            if (!applied.isPositive()) {
                continue;
            }
            Money residual = item.open().minus(applied);
            boolean close = residual.isPositive() && !residual.isGreaterThan(tolerance);
            allocations.add(new Match.Allocation(item.invoiceId(), applied,
                    close ? Money.zero(residual.currency()) : residual, close ? residual : null));
            left = left.minus(applied);
        }
        return new Match.Matched(Match.Rule.COLLECTION, debtor, allocations, left);
    }
}
