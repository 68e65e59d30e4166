package nl.tijdig.invoice.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Violation;

/**
 * How a UBL document that passed the schema and {@link UblRules} becomes Tijdig's: the seller must be
 * the tenant (by VAT id or KvK number); the buyer is a debtor found by KvK number or VAT id, or
 * registered from the document; each line keeps its net amount (a line whose net amount is not simply
 * quantity × price, because of line allowances, charges or a base quantity, becomes one unit of its net
 * amount); document allowances and charges become lines of their own; the VAT categories must be the
 * Dutch ones Tijdig issues. Violations name the UBL element.
 */
public final class UblImport {

    public static final String SELLER = "cac:AccountingSupplierParty/cac:Party";
    public static final String BUYER = "cac:AccountingCustomerParty/cac:Party";
    static final String KVK_SCHEME = "0106";

    private UblImport() {
    }

    /** The document's lines as invoice lines, each with the UBL element it came from. */
    public record Lines(List<InvoiceLine> lines, List<String> sources, List<Violation> violations) {
    }

    /** A VAT id without spaces, dots or dashes, in capitals ("NL1111.11.111.B.01" → "NL111111111B01"). */
    public static String normalVatId(String vatId) {
        return vatId == null ? null : vatId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    }

    /** The party's KvK number: its legal entity id with scheme 0106, or a party identification 0106. */
    public static Optional<String> kvkNumber(UblDocument.Party party) {
        if (party == null) {
            return Optional.empty();
        }
        if (party.legalId() != null && KVK_SCHEME.equals(party.legalIdScheme())) {
            return Optional.of(party.legalId().strip());
        }
        return party.identifiers().stream().filter(id -> id.startsWith(KVK_SCHEME + ":"))
                .map(id -> id.substring(KVK_SCHEME.length() + 1).strip()).findFirst();
    }

    /** The party's VAT id, normalised. */
    public static Optional<String> vatId(UblDocument.Party party) {
        return party == null || party.vatId() == null ? Optional.empty() : Optional.of(normalVatId(party.vatId()));
    }

    /** Refuses a document whose seller is not the tenant: Tijdig imports only the tenant's own invoices. */
    public static List<Violation> checkSeller(UblDocument document, CreditorProfile profile) {
        UblDocument.Party seller = document.seller();
        Optional<String> vatId = vatId(seller);
        Optional<String> kvk = kvkNumber(seller);
        boolean sameVat = vatId.isPresent() && vatId.get().equals(normalVatId(profile.vatId()));
        boolean sameKvk = kvk.isPresent() && kvk.get().equals(profile.kvkNumber());
        if (sameVat || sameKvk) {
            return List.of();
        }
        return List.of(new Violation(SELLER, "the seller (VAT id " + vatId.orElse("none") + ", KvK number "
                + kvk.orElse("none") + ") is not this tenant (VAT id " + profile.vatId() + ", KvK number "
                + profile.kvkNumber() + "): only the tenant's own invoices can be imported"));
    }

    /** The registration of a buyer not known yet: a business when it has a KvK number or VAT id. */
    public static RegisterDebtor newDebtor(DebtorId id, UblDocument document) {
        UblDocument.Party buyer = document.buyer();
        String kvk = kvkNumber(buyer).orElse(null);
        String vatId = vatId(buyer).orElse(null);
        Debtor.Kind kind = kvk != null || vatId != null ? Debtor.Kind.BUSINESS : Debtor.Kind.CONSUMER;
        Address address = new Address(buyer.street(), buyer.postalCode(), buyer.city(), buyer.countryCode());
        String language = buyer.countryCode() == null || "NL".equals(buyer.countryCode()) ? "nl" : "en";
        return new RegisterDebtor(id, kind, buyer.name(), address, kvk, vatId, buyer.email(), language, null, null,
                OptionalInt.empty(), false);
    }

    /** What the debtor rules find wrong with a buyer to register, on the buyer's UBL elements. */
    public static List<Violation> checkNewDebtor(RegisterDebtor registration) {
        return DebtorDecider.validate(registration).stream()
                .map(v -> new Violation(buyerElement(v.field()), v.message())).toList();
    }

    private static String buyerElement(String field) {
        return switch (field) {
            case "name" -> BUYER + "/cac:PartyLegalEntity/cbc:RegistrationName";
            case "kvkNumber" -> BUYER + "/cac:PartyLegalEntity/cbc:CompanyID";
            case "vatId" -> BUYER + "/cac:PartyTaxScheme/cbc:CompanyID";
            case "email" -> BUYER + "/cac:Contact/cbc:ElectronicMail";
            case "address", "address.street" -> BUYER + "/cac:PostalAddress/cbc:StreetName";
            case "address.postalCode" -> BUYER + "/cac:PostalAddress/cbc:PostalZone";
            case "address.city" -> BUYER + "/cac:PostalAddress/cbc:CityName";
            case "address.countryCode" -> BUYER + "/cac:PostalAddress/cac:Country/cbc:IdentificationCode";
            default -> BUYER + " (" + field + ")";
        };
    }

    /** What Tijdig does not take from a UBL document, each named. */
    public static List<Violation> checkSupported(UblDocument document) {
        List<Violation> violations = new ArrayList<>();
        if (document.currency() != null) {
            try {
                Money.currency(document.currency());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("cbc:DocumentCurrencyCode", "is not an ISO 4217 currency code"));
            }
        }
        if (document.kind() == UblDocument.Kind.INVOICE && document.typeCode() != null
                && !List.of("380", "383", "384", "389", "751").contains(document.typeCode())) {
            violations.add(new Violation("cbc:InvoiceTypeCode", "type " + document.typeCode()
                    + " is not an invoice (380); send a credit note as a UBL CreditNote"));
        }
        UblDocument.Totals totals = document.totals();
        if (totals != null && totals.prepaid() != null && totals.prepaid().signum() != 0) {
            violations.add(new Violation("cac:LegalMonetaryTotal/cbc:PrepaidAmount",
                    "an invoice with a prepaid amount cannot be imported: record the payment instead"));
        }
        if (totals != null && totals.rounding() != null && totals.rounding().signum() != 0) {
            violations.add(new Violation("cac:LegalMonetaryTotal/cbc:PayableRoundingAmount",
                    "an invoice with a rounding amount cannot be imported"));
        }
        if (document.kind() == UblDocument.Kind.CREDIT_NOTE && document.billingReferences().size() != 1) {
            violations.add(new Violation("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID",
                    "a credit note must name the one invoice it credits"));
        }
        return violations;
    }

    /** The document's lines and its document-level allowances and charges as invoice lines. */
    public static Lines lines(UblDocument document, Currency currency) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < document.lines().size(); i++) {
            UblDocument.Line line = document.lines().get(i);
            String at = document.lineElement() + "[" + (i + 1) + "]";
            Optional<VatRate> vat = vatRate(line.vatCategory(), line.vatPercent(), at + "/cac:Item/cac:ClassifiedTaxCategory",
                    violations);
            if (line.quantity() == null) {
                violations.add(new Violation(at + "/cbc:" + (document.kind() == UblDocument.Kind.INVOICE
                        ? "InvoicedQuantity" : "CreditedQuantity"), "BR-22: the quantity is required"));
                continue;
            }
            String name = line.name() == null ? "line " + line.id() : line.name();
            if (vat.isEmpty() || line.lineExtension() == null) {
                continue;
            }
            lines.add(simple(line).map(unitPrice -> new InvoiceLine(name, line.quantity(), Money.of(unitPrice, currency),
                    vat.get())).orElseGet(() -> new InvoiceLine(name + " (" + line.quantity().toPlainString() + " × "
                            + line.price() + ", met korting/toeslag op de regel)", BigDecimal.ONE,
                            Money.of(line.lineExtension(), currency), vat.get())));
            sources.add(at);
        }
        for (int i = 0; i < document.allowanceCharges().size(); i++) {
            UblDocument.AllowanceCharge ac = document.allowanceCharges().get(i);
            String at = "cac:AllowanceCharge[" + (i + 1) + "]";
            Optional<VatRate> vat = vatRate(ac.vatCategory(), ac.vatPercent(), at + "/cac:TaxCategory", violations);
            if (vat.isEmpty() || ac.amount() == null) {
                continue;
            }
            String reason = ac.reason() != null ? ac.reason() : ac.charge() ? "Toeslag" : "Korting";
            lines.add(new InvoiceLine(reason, ac.charge() ? BigDecimal.ONE : BigDecimal.ONE.negate(),
                    Money.of(ac.amount(), currency), vat.get()));
            sources.add(at);
        }
        return new Lines(lines, sources, violations);
    }

    /** The unit price when the net amount is plainly quantity × price / base quantity. */
    private static Optional<BigDecimal> simple(UblDocument.Line line) {
        if (!line.allowanceCharges().isEmpty() || line.price() == null) {
            return Optional.empty();
        }
        BigDecimal unit;
        try {
            unit = line.baseQuantity() == null || line.baseQuantity().signum() == 0 ? line.price()
                    : line.price().divide(line.baseQuantity());
        } catch (ArithmeticException notExact) {
            return Optional.empty();
        }
        boolean same = line.quantity().multiply(unit).setScale(2, RoundingMode.HALF_UP).compareTo(line.lineExtension()) == 0;
        return same ? Optional.of(unit) : Optional.empty();
    }

    /** The Dutch VAT treatment of a UBL tax category: S 21 %, S 9 %, Z, AE (verlegd) or E. */
    static Optional<VatRate> vatRate(String category, BigDecimal percent, String at, List<Violation> violations) {
        if (category == null) {
            violations.add(new Violation(at, "BR-CO-04: the VAT category is required"));
            return Optional.empty();
        }
        BigDecimal rate = percent == null ? BigDecimal.ZERO : percent;
        Optional<VatRate> vat = switch (category) {
            case "S" -> rate.compareTo(VatRate.STANDARD.percent()) == 0 ? Optional.of(VatRate.STANDARD)
                    : rate.compareTo(VatRate.REDUCED.percent()) == 0 ? Optional.of(VatRate.REDUCED) : Optional.empty();
            case "Z" -> Optional.of(VatRate.ZERO);
            case "AE" -> Optional.of(VatRate.REVERSE_CHARGE);
            case "E" -> Optional.of(VatRate.EXEMPT);
            default -> Optional.empty();
        };
        if (vat.isEmpty()) {
            violations.add(new Violation(at, "VAT category " + category + " at " + rate.stripTrailingZeros().toPlainString()
                    + " % is not a Dutch VAT treatment Tijdig issues (S 21 %, S 9 %, Z, AE, E)"));
        }
        return vat;
    }

    /** The invoice to issue for a document, with its own number kept. */
    public static IssueInvoice invoice(InvoiceId id, DebtorId debtorId, UblDocument document, Currency currency,
            List<InvoiceLine> lines) {
        LocalDate delivery = document.deliveryDate() != null ? document.deliveryDate() : document.issueDate();
        return new IssueInvoice(id, debtorId, currency, lines, document.issueDate(), delivery, OptionalInt.empty(),
                document.dueDate(), false, null, document.orderReference());
    }

    /** The violations of an invoice command, on the UBL elements they come from. */
    public static List<Violation> onDocument(List<Violation> violations, List<String> lineSources) {
        return violations.stream().map(v -> new Violation(element(v.field(), lineSources), v.message())).toList();
    }

    private static String element(String field, List<String> lineSources) {
        if (field.startsWith("lines[")) {
            int close = field.indexOf(']');
            int index = Integer.parseInt(field.substring("lines[".length(), close));
            return index < lineSources.size() ? lineSources.get(index) : field;
        }
        return switch (field) {
            case "dueDate", "termDays" -> "cbc:DueDate";
            case "deliveryDate" -> "cac:Delivery/cbc:ActualDeliveryDate";
            case "currency" -> "cbc:DocumentCurrencyCode";
            case "issueDate" -> "cbc:IssueDate";
            case "lines" -> "cac:InvoiceLine";
            case "debtor.vatId" -> BUYER + "/cac:PartyTaxScheme/cbc:CompanyID";
            default -> field;
        };
    }

    /** The document's totals must be what Tijdig computes from its lines: the principal must not change. */
    public static List<Violation> checkAmounts(UblDocument document, Money exclVat, Money vat) {
        List<Violation> violations = new ArrayList<>();
        UblDocument.Totals totals = document.totals();
        if (totals != null && totals.taxExclusive() != null && exclVat.amount().compareTo(totals.taxExclusive()) != 0) {
            violations.add(new Violation("cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount", "is " + totals.taxExclusive()
                    + ", but the lines, allowances and charges come to " + exclVat.amount()));
        }
        if (document.taxTotal() != null && vat.amount().compareTo(document.taxTotal()) != 0) {
            violations.add(new Violation("cac:TaxTotal/cbc:TaxAmount", "is " + document.taxTotal()
                    + ", but the VAT per rate, rounded to cents, comes to " + vat.amount()));
        }
        return violations;
    }

    /** The document's payment reference when it is a valid betalingskenmerk (digits only). */
    public static Optional<String> paymentReference(UblDocument document) {
        return document.paymentMeans().stream().map(UblDocument.PaymentMeans::paymentId)
                .filter(id -> id != null && Betalingskenmerk.isValid(id.replaceAll("[\\s.]", "")))
                .map(id -> id.replaceAll("[\\s.]", "")).findFirst();
    }
}
