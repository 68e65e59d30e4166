package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.util.Objects;
import nl.tijdig.kernel.Money;

/**
 * One line of an invoice: what was delivered, how much of it, at which unit price excluding VAT, and
 * its VAT treatment. A quantity may be negative (a discount or a return on a credit note).
 */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, VatRate vat) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(vat, "vat");
    }

    /** The line total excluding VAT: quantity × unit price, rounded to cents half-up (per line). */
    public Money net() {
        return unitPrice.times(quantity).rounded();
    }
}
