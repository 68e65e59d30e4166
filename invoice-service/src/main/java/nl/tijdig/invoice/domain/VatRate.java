package nl.tijdig.invoice.domain;

import java.math.BigDecimal;

/**
 * The VAT treatment of an invoice line in the Netherlands, with its percentage and its category code
 * (UNCL 5305, as UBL / EN 16931 use it).
 */
public enum VatRate {
    /** 21 %, the general rate. */
    STANDARD("S", new BigDecimal("21")),
    /** 9 %, the reduced rate (food, books, ...). */
    REDUCED("S", new BigDecimal("9")),
    /** 0 % (e.g. exports outside the EU). */
    ZERO("Z", BigDecimal.ZERO),
    /** VAT reverse-charged to the buyer ("btw verlegd"): the buyer's VAT id must be on the invoice. */
    REVERSE_CHARGE("AE", BigDecimal.ZERO),
    /** Exempt from VAT (art. 11 Wet OB). */
    EXEMPT("E", BigDecimal.ZERO);

    private final String categoryCode;
    private final BigDecimal percent;

    VatRate(String categoryCode, BigDecimal percent) {
        this.categoryCode = categoryCode;
        this.percent = percent;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public BigDecimal percent() {
        return percent;
    }

    /** The rate as a fraction: 0.21 for 21 %. */
    public BigDecimal fraction() {
        return percent.movePointLeft(2);
    }
}
