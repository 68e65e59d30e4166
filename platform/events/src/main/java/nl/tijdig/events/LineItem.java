package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import nl.tijdig.kernel.Money;

/**
 * One line of an invoice as issued. {@code quantity} and {@code vatPercent} are decimal strings (never
 * floating-point); {@code vatCategory} the UNCL 5305 code (S, Z, AE, E); {@code lineTotal} excludes
 * VAT and is rounded to cents.
 */
public record LineItem(String description, String quantity, Money unitPrice, String vatCategory, String vatPercent,
        Money lineTotal) {

    public LineItem {
        text(description, "description");
        text(quantity, "quantity");
        required(unitPrice, "unitPrice");
        text(vatCategory, "vatCategory");
        text(vatPercent, "vatPercent");
        required(lineTotal, "lineTotal");
    }
}
