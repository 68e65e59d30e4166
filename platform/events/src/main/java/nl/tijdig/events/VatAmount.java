package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import nl.tijdig.kernel.Money;

/** The taxable amount and the VAT of one VAT category and rate of an invoice. */
public record VatAmount(String vatCategory, String vatPercent, Money taxable, Money vat) {

    public VatAmount {
        text(vatCategory, "vatCategory");
        text(vatPercent, "vatPercent");
        required(taxable, "taxable");
        required(vat, "vat");
    }
}
