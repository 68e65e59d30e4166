package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A UBL 2.1 invoice or credit note (EN 16931 / Peppol BIS Billing 3.0 / SI-UBL 2.0), as far as Tijdig
 * reads it: read from the XML by the binding, checked by {@link UblRules}, turned into an invoice or a
 * credit by {@link UblImport}. Amounts are exact decimals in {@code currency}; absent elements are null
 * (lists empty).
 */
public record UblDocument(Kind kind, String number, String typeCode, LocalDate issueDate, LocalDate dueDate,
        String currency, Party seller, Party buyer, LocalDate deliveryDate, String orderReference,
        List<String> billingReferences, List<PaymentMeans> paymentMeans, boolean paymentTerms, List<Line> lines,
        List<AllowanceCharge> allowanceCharges, List<TaxSubtotal> taxSubtotals, BigDecimal taxTotal, Totals totals) {

    /** The root element: {@code Invoice} or {@code CreditNote}. */
    public enum Kind {
        INVOICE,
        CREDIT_NOTE
    }

    /**
     * A seller or buyer. {@code vatId} from PartyTaxScheme (scheme VAT); {@code legalId} and its
     * {@code legalIdScheme} (0106 KvK, 0190 OIN, ...) from PartyLegalEntity; {@code identifiers} the
     * PartyIdentification ids as {@code scheme:value} (or the value alone).
     */
    public record Party(String name, String vatId, String legalId, String legalIdScheme, List<String> identifiers,
            String street, String postalCode, String city, String countryCode, String email) {

        public Party {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        }
    }

    /** BT-81 code (30 credit transfer, 58 SEPA credit transfer, 49/59 direct debit, ...), BT-83, BT-84. */
    public record PaymentMeans(String code, String paymentId, String account) {
    }

    /**
     * One line: quantity, net amount (BT-131), price (BT-146) per base quantity (BT-149, 1 when absent),
     * VAT category and rate, and the allowances and charges on the line.
     */
    public record Line(String id, String name, BigDecimal quantity, BigDecimal lineExtension, BigDecimal price,
            BigDecimal baseQuantity, String vatCategory, BigDecimal vatPercent, List<AllowanceCharge> allowanceCharges) {

        public Line {
            allowanceCharges = allowanceCharges == null ? List.of() : List.copyOf(allowanceCharges);
        }
    }

    /** An allowance ({@code charge} false) or a charge on the document or a line. */
    public record AllowanceCharge(boolean charge, BigDecimal amount, String reason, String vatCategory,
            BigDecimal vatPercent) {
    }

    /** One VAT breakdown (BG-23): category, rate, taxable amount, VAT. */
    public record TaxSubtotal(String category, BigDecimal percent, BigDecimal taxable, BigDecimal tax) {
    }

    /** The document totals (BG-22). */
    public record Totals(BigDecimal lineExtension, BigDecimal taxExclusive, BigDecimal taxInclusive,
            BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal prepaid, BigDecimal rounding,
            BigDecimal payable) {
    }

    public UblDocument {
        billingReferences = billingReferences == null ? List.of() : List.copyOf(billingReferences);
        paymentMeans = paymentMeans == null ? List.of() : List.copyOf(paymentMeans);
        lines = lines == null ? List.of() : List.copyOf(lines);
        allowanceCharges = allowanceCharges == null ? List.of() : List.copyOf(allowanceCharges);
        taxSubtotals = taxSubtotals == null ? List.of() : List.copyOf(taxSubtotals);
    }

    /** The element name of a line: InvoiceLine or CreditNoteLine. */
    public String lineElement() {
        return kind == Kind.INVOICE ? "cac:InvoiceLine" : "cac:CreditNoteLine";
    }
}
