package nl.tijdig.payment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;

/**
 * Staff place an unmatched payment: on invoices of one debtor (each at most what is open on it), the
 * rest as that debtor's credit; or wholly as a debtor's credit. A residual at or below the tolerance
 * closes an invoice, as in automatic matching.
 */
public final class ManualAllocation {

    /** One invoice and the amount of the payment to apply to it. */
    public record Part(InvoiceId invoiceId, Money amount) {
    }

    private ManualAllocation() {
    }

    /**
     * Every rule the allocation breaks, given the payment's amount and the open items the parts name
     * (absent: not this tenant's, or not open).
     */
    public static List<Violation> validate(Money paymentAmount, List<Part> parts, DebtorId creditDebtor,
            Map<InvoiceId, OpenItem> items) {
        List<Violation> violations = new ArrayList<>();
        if (parts.isEmpty() && creditDebtor == null) {
            violations.add(new Violation("allocations", "name the invoices it pays, or the debtor whose credit it is"));
        }
        Money total = Money.zero(paymentAmount.currency());
        Set<DebtorId> debtors = new HashSet<>();
        Set<InvoiceId> seen = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String at = "allocations[" + i + "]";
            OpenItem item = part.invoiceId() == null ? null : items.get(part.invoiceId());
            if (part.invoiceId() == null) {
                violations.add(new Violation(at + ".invoiceId", "is required"));
            } else if (!seen.add(part.invoiceId())) {
                violations.add(new Violation(at + ".invoiceId", "is named twice"));
            } else if (item == null) {
                violations.add(new Violation(at + ".invoiceId", "no open invoice of this tenant"));
            } else {
                debtors.add(item.debtorId());
            }
            if (part.amount() == null || !part.amount().isPositive()) {
                violations.add(new Violation(at + ".amount", "must be more than zero"));
                continue;
            }
            if (!part.amount().currency().equals(paymentAmount.currency())) {
                violations.add(new Violation(at + ".amount", "must be in the payment's currency"));
                continue;
            }
            if (item != null && part.amount().isGreaterThan(item.open())) {
                violations.add(new Violation(at + ".amount", "is more than the " + item.open() + " open on the invoice"));
            }
            total = total.plus(part.amount());
        }
        if (total.isGreaterThan(paymentAmount)) {
            violations.add(new Violation("allocations", "allocate " + total + " of a payment of " + paymentAmount));
        }
        if (debtors.size() > 1) {
            violations.add(new Violation("allocations", "the invoices belong to " + debtors.size()
                    + " debtors: allocate a payment to one debtor's invoices"));
        }
        if (creditDebtor != null && debtors.size() == 1 && !debtors.contains(creditDebtor)) {
            violations.add(new Violation("debtorId", "is not the debtor of the invoices named"));
        }
        return violations;
    }

    /** The allocation of a valid request. */
    public static Match.Matched allocate(Money paymentAmount, List<Part> parts, DebtorId creditDebtor,
            Map<InvoiceId, OpenItem> items, Money tolerance) {
        List<Violation> violations = validate(paymentAmount, parts, creditDebtor, items);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("not a valid allocation: " + violations);
        }
        List<Match.Allocation> allocations = new ArrayList<>();
        Money left = paymentAmount;
        DebtorId debtor = creditDebtor;
        for (Part part : parts) {
            OpenItem item = items.get(part.invoiceId());
            debtor = item.debtorId();
            Money residual = item.open().minus(part.amount());
            boolean close = residual.isPositive() && !residual.isGreaterThan(tolerance);
            allocations.add(new Match.Allocation(item.invoiceId(), part.amount(),
                    close ? Money.zero(residual.currency()) : residual, close ? residual : null));
            left = left.minus(part.amount());
        }
        return new Match.Matched(Match.Rule.MANUAL, debtor, allocations, left);
    }
}
