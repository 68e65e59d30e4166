package nl.tijdig.dunning.domain;

import java.math.RoundingMode;
import java.time.LocalDate;
import nl.tijdig.kernel.Money;

/**
 * VAT bad-debt relief (art. 29 Wet OB, since 2017): the right to reclaim the VAT on an unpaid claim arises
 * at the latest one year after it fell due (a claim due on 29 February: 28 February of the next year);
 * the VAT on what is paid later is owed again. The VAT part of an amount is its share of the invoice's
 * VAT: amount × VAT / total incl. VAT, in cents.
 */
public final class VatRelief {

    private VatRelief() {
    }

    public static LocalDate eligibleOn(LocalDate dueDate) {
        return dueDate.plusYears(1);
    }

    /** The latest due date whose claims are eligible on {@code today} (on 28 February also those of 29 February). */
    public static LocalDate dueOnOrBefore(LocalDate today) {
        LocalDate bound = today.minusYears(1);
        LocalDate next = bound.plusDays(1);
        return eligibleOn(next).equals(today) ? next : bound;
    }

    /** A payment on a claim whose VAT was relieved, and the VAT in it that is owed again. */
    public record Reversal(LocalDate on, Money paid, Money vat) {
    }

    /**
     * What the payments among a case's new events owe again of the VAT relieved: each payment's VAT part, never
     * more in all than was relieved. {@code openBefore} is what was open before the events; a payment without a
     * date counts on {@code today}.
     */
    public static java.util.List<Reversal> reversals(java.util.List<DunningCase.Event> events, Money openBefore, Money vat,
            Money total, Money relieved, LocalDate today) {
        java.util.List<Reversal> reversals = new java.util.ArrayList<>();
        Money reversed = Money.zero(vat.currency());
        if (!relieved.isPositive()) {
            return reversals;
        }
        for (DunningCase.Event event : events) {
            if (event instanceof DunningCase.OpenUpdated updated && updated.payment() && openBefore.isGreaterThan(updated.open())) {
                Money paid = openBefore.minus(updated.open());
                Money part = vatPart(paid, vat, total).min(relieved.minus(reversed));
                reversed = reversed.plus(part);
                reversals.add(new Reversal(updated.on() != null ? updated.on() : today, paid, part));
            }
        }
        return reversals;
    }

    /** The VAT in {@code amount} (VAT included) of an invoice of {@code total} with {@code vat}. */
    public static Money vatPart(Money amount, Money vat, Money total) {
        if (!total.isPositive()) {
            return Money.zero(amount.currency());
        }
        return Money.of(amount.amount().multiply(vat.amount()).divide(total.amount(), 2, RoundingMode.HALF_UP),
                amount.currency());
    }
}
