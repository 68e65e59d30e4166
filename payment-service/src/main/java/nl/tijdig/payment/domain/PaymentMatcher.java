package nl.tijdig.payment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.tijdig.kernel.Money;

/**
 * Places a payment on open invoices, trying the rules in order: the invoice the reporter named; the
 * betalingskenmerk; invoice numbers in the remittance (paid in the order written); the payer's IBAN
 * (one debtor: the invoice of exactly this amount, else its invoices oldest first); the payer's name
 * (one open invoice of exactly this amount). What is paid beyond the invoices placed becomes the
 * debtor's credit; a residual of an invoice at or below the tolerance is written off and the invoice
 * closes. Pure: the same payment and candidates always give the same match.
 */
public final class PaymentMatcher {

    private PaymentMatcher() {
    }

    public static Match match(IncomingPayment payment, Candidates candidates, Money tolerance) {
        Money amount = payment.amount();
        if (!amount.isPositive()) {
            return new Match.Unmatched("the amount is not positive");
        }
        Optional<OpenItem> named = candidates.named().filter(i -> sameCurrency(i, amount));
        if (named.isPresent()) {
            return allocate(Match.Rule.INVOICE_ID, List.of(named.get()), amount, tolerance);
        }
        Optional<OpenItem> referenced = candidates.byReference().filter(i -> sameCurrency(i, amount));
        if (referenced.isPresent()) {
            return allocate(Match.Rule.BETALINGSKENMERK, List.of(referenced.get()), amount, tolerance);
        }
        List<OpenItem> numbered = candidates.byNumbers().stream().filter(i -> sameCurrency(i, amount)).toList();
        if (!numbered.isEmpty()) {
            OpenItem first = numbered.get(0);
            List<OpenItem> sameDebtor = numbered.stream().filter(i -> i.debtorId().equals(first.debtorId())).toList();
            return allocate(Match.Rule.INVOICE_NUMBER, sameDebtor, amount, tolerance);
        }
        List<Candidates.DebtorItems> byIban = withOpen(candidates.byIban(), amount);
        if (byIban.size() == 1) {
            List<OpenItem> items = byIban.get(0).open();
            Optional<OpenItem> exact = exactly(items, amount);
            return allocate(Match.Rule.IBAN, exact.map(List::of).orElseGet(() -> oldestFirst(items)), amount, tolerance);
        }
        List<OpenItem> byName = withOpen(candidates.byName(), amount).stream()
                .flatMap(d -> d.open().stream()).filter(i -> i.open().equals(amount)).toList();
        if (byName.size() == 1) {
            return allocate(Match.Rule.NAME, byName, amount, tolerance);
        }
        return new Match.Unmatched(reason(payment, candidates, byIban.size(), byName.size()));
    }

    /** Applies the amount to the items in order; the rest is the debtor's credit. */
    static Match.Matched allocate(Match.Rule rule, List<OpenItem> items, Money amount, Money tolerance) {
        List<Match.Allocation> allocations = new ArrayList<>();
        Money left = amount;
        for (OpenItem item : items) {
            if (!left.isPositive()) {
                break;
            }
            Money applied = left.min(item.open());
            Money residual = item.open().minus(applied);
            boolean close = residual.isPositive() && !residual.isGreaterThan(tolerance);
            Money zero = Money.zero(amount.currency());
            allocations.add(new Match.Allocation(item.invoiceId(), applied, close ? zero : residual,
                    close ? residual : null));
            left = left.minus(applied);
        }
        return new Match.Matched(rule, items.get(0).debtorId(), allocations, left);
    }

    private static boolean sameCurrency(OpenItem item, Money amount) {
        return item.open().currency().equals(amount.currency()) && item.open().isPositive();
    }

    private static List<Candidates.DebtorItems> withOpen(List<Candidates.DebtorItems> debtors, Money amount) {
        return debtors.stream()
                .map(d -> new Candidates.DebtorItems(d.debtorId(), d.open().stream().filter(i -> sameCurrency(i, amount)).toList()))
                .filter(d -> !d.open().isEmpty()).toList();
    }

    private static Optional<OpenItem> exactly(List<OpenItem> items, Money amount) {
        return oldestFirst(items).stream().filter(i -> i.open().equals(amount)).findFirst();
    }

    private static List<OpenItem> oldestFirst(List<OpenItem> items) {
        return items.stream().sorted(OpenItem.OLDEST_FIRST).toList();
    }

    private static String reason(IncomingPayment payment, Candidates candidates, int ibanDebtors, int nameItems) {
        List<String> tried = new ArrayList<>();
        tried.add(payment.invoiceId() == null ? "no invoice named" : "the invoice named is not open");
        boolean referenced = Remittance.betalingskenmerk(payment.reference(), payment.remittance()).isPresent()
                || Remittance.creditorReference(payment.reference(), payment.remittance()).isPresent();
        tried.add(referenced ? "the payment reference belongs to no open invoice"
                : "no betalingskenmerk or RF reference");
        tried.add(candidates.byNumbers().isEmpty() ? "no open invoice number in the remittance" : "");
        tried.add(payment.payerIban() == null ? "no payer IBAN"
                : ibanDebtors == 0 ? "the payer IBAN belongs to no debtor with open invoices"
                : "the payer IBAN belongs to " + ibanDebtors + " debtors");
        tried.add(payment.payerName() == null ? "no payer name"
                : nameItems == 0 ? "no debtor of that name has an open invoice of " + payment.amount().amount()
                : nameItems + " open invoices of that amount match the name");
        return String.join("; ", tried.stream().filter(s -> !s.isEmpty()).toList());
    }
}
