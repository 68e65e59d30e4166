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

    /** The VAT in {@code amount} (VAT included) of an invoice of {@code total} with {@code vat}. */
    public static Money vatPart(Money amount, Money vat, Money total) {
        if (!total.isPositive()) {
            return Money.zero(amount.currency());
        }
        return Money.of(amount.amount().multiply(vat.amount()).divide(total.amount(), 2, RoundingMode.HALF_UP),
                amount.currency());
    }
}
