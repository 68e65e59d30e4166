package nl.tijdig.invoice.domain;

import java.util.Objects;
import nl.tijdig.kernel.Money;

/**
 * What the invoice-service knows of an issued invoice, folded from its events: its principal and VAT,
 * what credit notes took off, and whether it was cancelled. (Payments join with the read side.)
 */
public record InvoiceState(Money totalInclVat, Money vatTotal, Money credited, Money creditedVat, boolean cancelled,
        int creditNotes) {

    public InvoiceState {
        Objects.requireNonNull(totalInclVat, "totalInclVat");
        Objects.requireNonNull(vatTotal, "vatTotal");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(creditedVat, "creditedVat");
    }

    public static InvoiceState issued(Money totalInclVat, Money vatTotal) {
        Money zero = Money.zero(totalInclVat.currency());
        return new InvoiceState(totalInclVat, vatTotal, zero, zero, false, 0);
    }

    public InvoiceState credit(Money amountInclVat, Money vat) {
        return new InvoiceState(totalInclVat, vatTotal, credited.plus(amountInclVat), creditedVat.plus(vat), cancelled,
                creditNotes + 1);
    }

    public InvoiceState cancel() {
        return new InvoiceState(totalInclVat, vatTotal, credited, creditedVat, true, creditNotes);
    }

    /** The principal still owed before payments: the total less the credit notes (zero when cancelled). */
    public Money principalLeft() {
        return cancelled ? Money.zero(totalInclVat.currency()) : totalInclVat.minus(credited);
    }

    public String status() {
        if (cancelled) {
            return "CANCELLED";
        }
        if (principalLeft().isZero()) {
            return "CREDITED";
        }
        return credited.isZero() ? "ISSUED" : "PARTIALLY_CREDITED";
    }

    /** What is still owed after credit notes and the payments made: never below zero. */
    public Money openPrincipal(Money paid) {
        return principalLeft().minus(paid).max(Money.zero(totalInclVat.currency()));
    }

    /** The status with the payments made: PAID once they cover what is left, PARTIALLY_PAID before. */
    public String status(Money paid) {
        if (cancelled || !paid.isPositive()) {
            return status();
        }
        return openPrincipal(paid).isZero() ? "PAID" : "PARTIALLY_PAID";
    }
}
