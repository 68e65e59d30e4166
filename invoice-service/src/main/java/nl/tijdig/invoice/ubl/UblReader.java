package nl.tijdig.invoice.ubl;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.datatype.XMLGregorianCalendar;
import nl.tijdig.invoice.domain.UblDocument;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.BillingReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.creditnote_2.CreditNoteType;
import oasis.names.specification.ubl.schema.xsd.invoice_2.InvoiceType;
import oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_2.DateType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.AmountType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.CodeType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.IdentifierType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.NumericType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.QuantityType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.TextType;

/**
 * Reads a UBL 2.1 Invoice or CreditNote: checks it against the OASIS schema (every problem with its
 * line and column), then binds it with JAXB and takes what Tijdig needs into a {@link UblDocument}.
 */
public final class UblReader {

    static final JAXBContext CONTEXT = context();

    private UblReader() {
    }

    /** The document read, or what the schema found wrong with it. */
    public sealed interface Result {
    }

    public record Read(UblDocument document) implements Result {
    }

    public record Invalid(List<UblSchema.Problem> problems) implements Result {
    }

    public static Result read(byte[] xml) {
        List<UblSchema.Problem> problems = UblSchema.validate(xml);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        Object root;
        try {
            root = CONTEXT.createUnmarshaller().unmarshal(UblSchema.source(xml));
        } catch (JAXBException e) {
            return new Invalid(List.of(new UblSchema.Problem(0, 0, "cannot be bound: " + e)));
        }
        Object value = root instanceof JAXBElement<?> element ? element.getValue() : root;
        return switch (value) {
            case InvoiceType invoice -> new Read(invoice(invoice));
            case CreditNoteType creditNote -> new Read(creditNote(creditNote));
            default -> new Invalid(List.of(new UblSchema.Problem(1, 1, "the root element must be Invoice or CreditNote")));
        };
    }

    private static UblDocument invoice(InvoiceType in) {
        List<UblDocument.Line> lines = in.getInvoiceLine().stream()
                .map(l -> line(text(l.getID()), quantity(l.getInvoicedQuantity()), amount(l.getLineExtensionAmount()),
                        l.getItem(), l.getPrice(), l.getAllowanceCharge()))
                .toList();
        LocalDate due = date(in.getDueDate());
        return new UblDocument(UblDocument.Kind.INVOICE, text(in.getID()), code(in.getInvoiceTypeCode()),
                date(in.getIssueDate()), due, code(in.getDocumentCurrencyCode()), supplier(in.getAccountingSupplierParty()),
                customer(in.getAccountingCustomerParty()), delivery(in.getDelivery()),
                in.getOrderReference() == null ? null : text(in.getOrderReference().getID()),
                billing(in.getBillingReference()), paymentMeans(in.getPaymentMeans()), !in.getPaymentTerms().isEmpty(),
                lines, allowanceCharges(in.getAllowanceCharge()), subtotals(in.getTaxTotal()), taxTotal(in.getTaxTotal()),
                totals(in.getLegalMonetaryTotal()));
    }

    private static UblDocument creditNote(CreditNoteType in) {
        List<UblDocument.Line> lines = in.getCreditNoteLine().stream()
                .map(l -> line(text(l.getID()), quantity(l.getCreditedQuantity()), amount(l.getLineExtensionAmount()),
                        l.getItem(), l.getPrice(), l.getAllowanceCharge()))
                .toList();
        LocalDate due = in.getPaymentMeans().stream().map(m -> date(m.getPaymentDueDate())).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return new UblDocument(UblDocument.Kind.CREDIT_NOTE, text(in.getID()), code(in.getCreditNoteTypeCode()),
                date(in.getIssueDate()), due, code(in.getDocumentCurrencyCode()), supplier(in.getAccountingSupplierParty()),
                customer(in.getAccountingCustomerParty()), delivery(in.getDelivery()),
                in.getOrderReference() == null ? null : text(in.getOrderReference().getID()),
                billing(in.getBillingReference()), paymentMeans(in.getPaymentMeans()), !in.getPaymentTerms().isEmpty(),
                lines, allowanceCharges(in.getAllowanceCharge()), subtotals(in.getTaxTotal()), taxTotal(in.getTaxTotal()),
                totals(in.getLegalMonetaryTotal()));
    }

    private static UblDocument.Line line(String id, BigDecimal quantity, BigDecimal net, ItemType item, PriceType price,
            List<AllowanceChargeType> allowanceCharges) {
        TaxCategoryType tax = item == null ? null : first(item.getClassifiedTaxCategory());
        String name = item == null ? null : text(item.getName());
        if (name == null && item != null) {
            name = item.getDescription().stream().map(UblReader::text).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return new UblDocument.Line(id, name, quantity, net, price == null ? null : amount(price.getPriceAmount()),
                price == null ? null : quantity(price.getBaseQuantity()), tax == null ? null : text(tax.getID()),
                tax == null ? null : number(tax.getPercent()), allowanceCharges(allowanceCharges));
    }

    private static List<UblDocument.AllowanceCharge> allowanceCharges(List<AllowanceChargeType> in) {
        return in.stream().map(ac -> {
            TaxCategoryType tax = first(ac.getTaxCategory());
            String reason = ac.getAllowanceChargeReason().stream().map(UblReader::text).filter(Objects::nonNull)
                    .findFirst().orElse(code(ac.getAllowanceChargeReasonCode()));
            return new UblDocument.AllowanceCharge(ac.getChargeIndicator() != null && ac.getChargeIndicator().isValue(),
                    amount(ac.getAmount()), reason, tax == null ? null : text(tax.getID()),
                    tax == null ? null : number(tax.getPercent()));
        }).toList();
    }

    private static UblDocument.Party supplier(SupplierPartyType in) {
        return in == null ? null : party(in.getParty());
    }

    private static UblDocument.Party customer(CustomerPartyType in) {
        return in == null ? null : party(in.getParty());
    }

    private static UblDocument.Party party(PartyType party) {
        if (party == null) {
            return null;
        }
        PartyLegalEntityType legal = first(party.getPartyLegalEntity());
        String name = legal == null ? null : text(legal.getRegistrationName());
        if (name == null) {
            name = party.getPartyName().stream().map(PartyNameType::getName).map(UblReader::text)
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        String vatId = party.getPartyTaxScheme().stream()
                .filter(s -> s.getTaxScheme() != null && "VAT".equalsIgnoreCase(text(s.getTaxScheme().getID())))
                .map(PartyTaxSchemeType::getCompanyID).map(UblReader::text).filter(Objects::nonNull).findFirst()
                .orElse(null);
        String legalId = legal == null ? null : text(legal.getCompanyID());
        String legalScheme = legal == null || legal.getCompanyID() == null ? null : legal.getCompanyID().getSchemeID();
        List<String> ids = party.getPartyIdentification().stream().map(PartyIdentificationType::getID)
                .filter(Objects::nonNull).map(id -> id.getSchemeID() == null ? id.getValue() : id.getSchemeID() + ":" + id.getValue())
                .toList();
        var address = party.getPostalAddress();
        String street = address == null ? null : text(address.getStreetName());
        if (street == null && address != null) {
            street = text(address.getAdditionalStreetName());
        }
        String email = party.getContact() == null ? null : text(party.getContact().getElectronicMail());
        return new UblDocument.Party(name, vatId, legalId, legalScheme, ids, street,
                address == null ? null : text(address.getPostalZone()),
                address == null ? null : text(address.getCityName()),
                address == null || address.getCountry() == null ? null : code(address.getCountry().getIdentificationCode()),
                email);
    }

    private static LocalDate delivery(List<DeliveryType> deliveries) {
        return deliveries.stream().map(d -> date(d.getActualDeliveryDate())).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }

    private static List<String> billing(List<BillingReferenceType> references) {
        return references.stream().filter(r -> r.getInvoiceDocumentReference() != null)
                .map(r -> text(r.getInvoiceDocumentReference().getID())).filter(Objects::nonNull).toList();
    }

    private static List<UblDocument.PaymentMeans> paymentMeans(List<PaymentMeansType> means) {
        return means.stream().map(m -> new UblDocument.PaymentMeans(code(m.getPaymentMeansCode()),
                m.getPaymentID().stream().map(UblReader::text).filter(Objects::nonNull).findFirst().orElse(null),
                m.getPayeeFinancialAccount() == null ? null : text(m.getPayeeFinancialAccount().getID()))).toList();
    }

    /** The VAT total in the document currency: the one with a breakdown (a second may be in the tax currency). */
    private static TaxTotalType documentTaxTotal(List<TaxTotalType> totals) {
        return totals.stream().filter(t -> !t.getTaxSubtotal().isEmpty()).findFirst()
                .orElse(totals.isEmpty() ? null : totals.get(0));
    }

    private static List<UblDocument.TaxSubtotal> subtotals(List<TaxTotalType> totals) {
        TaxTotalType total = documentTaxTotal(totals);
        if (total == null) {
            return List.of();
        }
        List<UblDocument.TaxSubtotal> subtotals = new ArrayList<>();
        for (TaxSubtotalType s : total.getTaxSubtotal()) {
            TaxCategoryType category = s.getTaxCategory();
            BigDecimal percent = number(s.getPercent());
            if (percent == null && category != null) {
                percent = number(category.getPercent());
            }
            subtotals.add(new UblDocument.TaxSubtotal(category == null ? null : text(category.getID()), percent,
                    amount(s.getTaxableAmount()), amount(s.getTaxAmount())));
        }
        return subtotals;
    }

    private static BigDecimal taxTotal(List<TaxTotalType> totals) {
        TaxTotalType total = documentTaxTotal(totals);
        return total == null ? null : amount(total.getTaxAmount());
    }

    private static UblDocument.Totals totals(MonetaryTotalType t) {
        if (t == null) {
            return null;
        }
        return new UblDocument.Totals(amount(t.getLineExtensionAmount()), amount(t.getTaxExclusiveAmount()),
                amount(t.getTaxInclusiveAmount()), amount(t.getAllowanceTotalAmount()), amount(t.getChargeTotalAmount()),
                amount(t.getPrepaidAmount()), amount(t.getPayableRoundingAmount()), amount(t.getPayableAmount()));
    }

    private static <T> T first(List<T> list) {
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static String text(TextType t) {
        return blankToNull(t == null ? null : t.getValue());
    }

    private static String text(IdentifierType t) {
        return blankToNull(t == null ? null : t.getValue());
    }

    private static String code(CodeType t) {
        return blankToNull(t == null ? null : t.getValue());
    }

    private static BigDecimal amount(AmountType t) {
        return t == null ? null : t.getValue();
    }

    private static BigDecimal quantity(QuantityType t) {
        return t == null ? null : t.getValue();
    }

    private static BigDecimal number(NumericType t) {
        return t == null ? null : t.getValue();
    }

    private static LocalDate date(DateType t) {
        return t == null || t.getValue() == null ? null : localDate(t.getValue());
    }

    private static LocalDate localDate(XMLGregorianCalendar c) {
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }


    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(oasis.names.specification.ubl.schema.xsd.invoice_2.ObjectFactory.class,
                    oasis.names.specification.ubl.schema.xsd.creditnote_2.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the UBL 2.1 binding does not load", e);
        }
    }
}
