package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.tijdig.kernel.Violation;

/**
 * The business rules of EN 16931 and the Dutch CIUS (SI-UBL 2.0) that matter to Tijdig, checked on a
 * document that already passed the OASIS schema: the totals add up (BR-CO-10, 13, 14, 15, 16), each
 * VAT category's taxable amount and VAT add up (BR-x-08, BR-x-09), each line's net amount is its
 * quantity times its price (PEPPOL-EN16931-R120), the document has a currency (BR-05), payment means
 * with an account (BR-NL-11, BR-61), a due date or payment terms (BR-CO-25), and a Dutch seller a KvK
 * number or OIN (BR-NL-1). Every violation names the element and the rule.
 */
public final class UblRules {

    private static final String TOTALS = "cac:LegalMonetaryTotal/";

    private UblRules() {
    }

    /** Every rule the document breaks; empty when it passes. */
    public static List<Violation> check(UblDocument document) {
        Violations violations = new Violations();
        if (document.currency() == null || document.currency().isBlank()) {
            violations.add("cbc:DocumentCurrencyCode", "BR-05: the document currency is required");
        }
        checkLines(document, violations);
        checkTotals(document, violations);
        checkVatBreakdown(document, violations);
        checkPayment(document, violations);
        checkSeller(document, violations);
        return violations.list();
    }

    private static void checkLines(UblDocument document, Violations violations) {
        for (int i = 0; i < document.lines().size(); i++) {
            UblDocument.Line line = document.lines().get(i);
            String at = document.lineElement() + "[" + (i + 1) + "]";
            if (line.quantity() == null || line.price() == null || line.lineExtension() == null) {
                continue; // the schema requires the net amount; quantity and price are checked where mapped
            }
            BigDecimal base = line.baseQuantity() == null || line.baseQuantity().signum() == 0 ? BigDecimal.ONE
                    : line.baseQuantity();
            BigDecimal expected = cents(line.quantity().multiply(line.price()).divide(base, 10, RoundingMode.HALF_UP))
                    .add(sum(line.allowanceCharges(), true)).subtract(sum(line.allowanceCharges(), false));
            if (!same(expected, line.lineExtension())) {
                violations.add(at + "/cbc:LineExtensionAmount", "PEPPOL-EN16931-R120: is " + line.lineExtension()
                        + ", but quantity × price / base quantity + charges − allowances is " + expected);
            }
        }
    }

    private static void checkTotals(UblDocument document, Violations violations) {
        UblDocument.Totals totals = document.totals();
        if (totals == null) {
            return; // the schema requires LegalMonetaryTotal
        }
        BigDecimal lines = document.lines().stream().map(UblDocument.Line::lineExtension).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (totals.lineExtension() != null && !same(lines, totals.lineExtension())) {
            violations.add(TOTALS + "cbc:LineExtensionAmount",
                    "BR-CO-10: is " + totals.lineExtension() + ", but the lines add up to " + lines);
        }
        BigDecimal allowances = sum(document.allowanceCharges(), false);
        BigDecimal charges = sum(document.allowanceCharges(), true);
        if (totals.allowanceTotal() != null && !same(allowances, totals.allowanceTotal())) {
            violations.add(TOTALS + "cbc:AllowanceTotalAmount",
                    "BR-CO-11: is " + totals.allowanceTotal() + ", but the document allowances add up to " + allowances);
        }
        if (totals.chargeTotal() != null && !same(charges, totals.chargeTotal())) {
            violations.add(TOTALS + "cbc:ChargeTotalAmount",
                    "BR-CO-12: is " + totals.chargeTotal() + ", but the document charges add up to " + charges);
        }
        BigDecimal taxExclusive = orZero(totals.lineExtension()).subtract(orZero(totals.allowanceTotal()))
                .add(orZero(totals.chargeTotal()));
        if (totals.taxExclusive() != null && !same(taxExclusive, totals.taxExclusive())) {
            violations.add(TOTALS + "cbc:TaxExclusiveAmount", "BR-CO-13: is " + totals.taxExclusive()
                    + ", but lines − allowances + charges is " + taxExclusive);
        }
        BigDecimal breakdown = document.taxSubtotals().stream().map(UblDocument.TaxSubtotal::tax)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (document.taxTotal() != null && !same(breakdown, document.taxTotal())) {
            violations.add("cac:TaxTotal/cbc:TaxAmount",
                    "BR-CO-14: is " + document.taxTotal() + ", but the VAT breakdown adds up to " + breakdown);
        }
        if (totals.taxExclusive() != null && totals.taxInclusive() != null) {
            BigDecimal taxInclusive = totals.taxExclusive().add(orZero(document.taxTotal()));
            if (!same(taxInclusive, totals.taxInclusive())) {
                violations.add(TOTALS + "cbc:TaxInclusiveAmount", "BR-CO-15: is " + totals.taxInclusive()
                        + ", but the amount without VAT plus the VAT is " + taxInclusive);
            }
        }
        if (totals.taxInclusive() != null && totals.payable() != null) {
            BigDecimal payable = totals.taxInclusive().subtract(orZero(totals.prepaid())).add(orZero(totals.rounding()));
            if (!same(payable, totals.payable())) {
                violations.add(TOTALS + "cbc:PayableAmount", "BR-CO-16: is " + totals.payable()
                        + ", but the amount with VAT − prepaid + rounding is " + payable);
            }
        }
    }

    /** Per VAT category and rate: the taxable amount the lines and document allowances/charges make. */
    private static void checkVatBreakdown(UblDocument document, Violations violations) {
        Map<String, BigDecimal> taxable = new LinkedHashMap<>();
        for (UblDocument.Line line : document.lines()) {
            if (line.vatCategory() != null && line.lineExtension() != null) {
                taxable.merge(key(line.vatCategory(), line.vatPercent()), line.lineExtension(), BigDecimal::add);
            }
        }
        for (UblDocument.AllowanceCharge ac : document.allowanceCharges()) {
            if (ac.vatCategory() != null && ac.amount() != null) {
                taxable.merge(key(ac.vatCategory(), ac.vatPercent()), ac.charge() ? ac.amount() : ac.amount().negate(),
                        BigDecimal::add);
            }
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < document.taxSubtotals().size(); i++) {
            UblDocument.TaxSubtotal subtotal = document.taxSubtotals().get(i);
            String at = "cac:TaxTotal/cac:TaxSubtotal[" + (i + 1) + "]";
            String key = key(subtotal.category(), subtotal.percent());
            seen.put(key, i);
            String rule = "BR-" + subtotal.category();
            BigDecimal expected = taxable.getOrDefault(key, BigDecimal.ZERO);
            if (subtotal.taxable() != null && !same(expected, subtotal.taxable())) {
                violations.add(at + "/cbc:TaxableAmount", rule + "-08: the VAT breakdown for " + label(key) + " states "
                        + subtotal.taxable() + ", but the lines and allowances/charges at " + label(key)
                        + " add up to " + expected);
            }
            if (subtotal.taxable() != null && subtotal.tax() != null) {
                BigDecimal tax = cents(subtotal.taxable().multiply(orZero(subtotal.percent())).movePointLeft(2));
                if (!same(tax, subtotal.tax())) {
                    violations.add(at + "/cbc:TaxAmount", rule + "-09: the VAT for " + label(key) + " is "
                            + subtotal.tax() + ", but " + subtotal.taxable() + " × " + orZero(subtotal.percent())
                            + " % is " + tax);
                }
            }
        }
        taxable.forEach((key, amount) -> {
            if (!seen.containsKey(key) && amount.signum() != 0) {
                violations.add("cac:TaxTotal", "BR-" + key.substring(0, key.indexOf('|')) + "-08: lines at "
                        + label(key) + " add up to " + amount + ", but the VAT breakdown has no " + label(key));
            }
        });
    }

    private static void checkPayment(UblDocument document, Violations violations) {
        boolean amountDue = document.totals() != null && document.totals().payable() != null
                && document.totals().payable().signum() > 0;
        boolean dutchSeller = document.seller() != null && "NL".equals(document.seller().countryCode());
        if (document.kind() == UblDocument.Kind.INVOICE && amountDue) {
            if (document.paymentMeans().isEmpty() && dutchSeller) {
                violations.add("cac:PaymentMeans", "BR-NL-11: an invoice from a Dutch supplier with an amount due "
                        + "must state its payment means (cac:PaymentMeans)");
            }
            if (document.dueDate() == null && !document.paymentTerms()) {
                violations.add("cbc:DueDate", "BR-CO-25: an invoice with an amount due must state a due date or "
                        + "payment terms");
            }
        }
        for (int i = 0; i < document.paymentMeans().size(); i++) {
            UblDocument.PaymentMeans means = document.paymentMeans().get(i);
            if (("30".equals(means.code()) || "58".equals(means.code()))
                    && (means.account() == null || means.account().isBlank())) {
                violations.add("cac:PaymentMeans[" + (i + 1) + "]/cac:PayeeFinancialAccount/cbc:ID",
                        "BR-61: a credit transfer (code " + means.code() + ") must name the account to pay to");
            }
        }
    }

    private static void checkSeller(UblDocument document, Violations violations) {
        UblDocument.Party seller = document.seller();
        if (seller == null || !"NL".equals(seller.countryCode())) {
            return;
        }
        boolean registered = seller.legalId() != null && !seller.legalId().isBlank()
                && ("0106".equals(seller.legalIdScheme()) || "0190".equals(seller.legalIdScheme()));
        if (!registered) {
            violations.add("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID",
                    "BR-NL-1: a Dutch supplier must state its KvK number (schemeID 0106) or OIN (schemeID 0190)");
        }
    }

    private static BigDecimal sum(List<UblDocument.AllowanceCharge> items, boolean charges) {
        return items.stream().filter(ac -> ac.charge() == charges && ac.amount() != null)
                .map(UblDocument.AllowanceCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String key(String category, BigDecimal percent) {
        return category + "|" + (percent == null ? "0" : percent.stripTrailingZeros().toPlainString());
    }

    private static String label(String key) {
        int bar = key.indexOf('|');
        return key.substring(0, bar) + " " + key.substring(bar + 1) + " %";
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
