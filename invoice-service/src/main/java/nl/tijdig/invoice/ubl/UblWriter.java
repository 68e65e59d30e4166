package nl.tijdig.invoice.ubl;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.LineItem;
import nl.tijdig.events.VatAmount;
import nl.tijdig.invoice.domain.Address;
import nl.tijdig.invoice.domain.CreditorProfile;
import nl.tijdig.invoice.domain.Debtor;
import nl.tijdig.kernel.Money;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.BranchType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.ContactType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.DeliveryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.FinancialAccountType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.OrderReferenceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PaymentMeansType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_2.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.ActualDeliveryDateType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.CityNameType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.CompanyIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.CustomizationIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.DocumentCurrencyCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.DueDateType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.ElectronicMailType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.EndpointIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.IDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.IdentificationCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.InvoiceTypeCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.InvoicedQuantityType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.IssueDateType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.LineExtensionAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.NameType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PayableAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PaymentIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PaymentMeansCodeType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PercentType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PostalZoneType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.PriceAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.ProfileIDType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.RegistrationNameType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.StreetNameType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.TaxAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.TaxExclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.TaxInclusiveAmountType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_2.TaxableAmountType;
import oasis.names.specification.ubl.schema.xsd.invoice_2.InvoiceType;
import oasis.names.specification.ubl.schema.xsd.invoice_2.ObjectFactory;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.AmountType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.CodeType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.IdentifierType;
import un.unece.uncefact.data.specification.corecomponenttypeschemamodule._2.TextType;

/**
 * Writes an issued invoice as a UBL 2.1 Invoice in the Dutch CIUS (SI-UBL 2.0 / Peppol BIS Billing
 * 3.0): seller and buyer with their identifiers, the lines, the VAT per category, the totals and where
 * to pay with the betalingskenmerk. Bound with JAXB and checked against the OASIS schema while it is
 * written: an invoice that would not be valid UBL is an error, never a document.
 */
public final class UblWriter {

    static final String CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0";
    static final String PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";
    private static final DatatypeFactory DATES = datatypeFactory();

    /** The prefixes UBL documents use: cac, cbc, ext; the Invoice namespace as the default. */
    private static final NamespacePrefixMapper PREFIXES = new NamespacePrefixMapper() {
        @Override
        public String getPreferredPrefix(String namespace, String suggestion, boolean required) {
            return switch (namespace) {
                case "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" -> "";
                case "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" -> "cac";
                case "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" -> "cbc";
                case "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" -> "ext";
                default -> suggestion;
            };
        }
    };

    private UblWriter() {
    }

    /** The invoice as UBL; {@code seller} and {@code buyer} as they are now. */
    public static byte[] write(InvoiceIssued invoice, CreditorProfile seller, Debtor buyer) {
        if (invoice.lines() == null || invoice.vatBreakdown() == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + " has no line details to write");
        }
        String currency = invoice.totalInclVat().currency().getCurrencyCode();
        InvoiceType ubl = new InvoiceType();
        ubl.setCustomizationID(id(CustomizationIDType::new, CUSTOMIZATION));
        ubl.setProfileID(id(ProfileIDType::new, PROFILE));
        ubl.setID(id(IDType::new, invoice.invoiceNumber()));
        ubl.setIssueDate(date(IssueDateType::new, invoice.issueDate()));
        ubl.setDueDate(date(DueDateType::new, invoice.dueDate()));
        ubl.setInvoiceTypeCode(code(InvoiceTypeCodeType::new, "380"));
        ubl.setDocumentCurrencyCode(code(DocumentCurrencyCodeType::new, currency));
        if (invoice.purchaseOrder() != null) {
            OrderReferenceType order = new OrderReferenceType();
            order.setID(id(IDType::new, invoice.purchaseOrder()));
            ubl.setOrderReference(order);
        }
        ubl.setAccountingSupplierParty(supplier(seller));
        ubl.setAccountingCustomerParty(customer(buyer));
        if (invoice.deliveryDate() != null) {
            DeliveryType delivery = new DeliveryType();
            delivery.setActualDeliveryDate(date(ActualDeliveryDateType::new, invoice.deliveryDate()));
            ubl.getDelivery().add(delivery);
        }
        ubl.getPaymentMeans().add(paymentMeans(invoice, seller));
        ubl.getPaymentTerms().add(paymentTerms(invoice));
        ubl.getTaxTotal().add(taxTotal(invoice, currency));
        ubl.setLegalMonetaryTotal(totals(invoice, currency));
        List<LineItem> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            ubl.getInvoiceLine().add(line(i + 1, lines.get(i), currency));
        }
        return marshal(ubl);
    }

    private static SupplierPartyType supplier(CreditorProfile seller) {
        PartyType party = party(seller.name(), seller.address(), seller.vatId(), seller.kvkNumber(), seller.senderEmail());
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    private static CustomerPartyType customer(Debtor buyer) {
        PartyType party = party(buyer.name(), buyer.address(), buyer.vatId(), buyer.kvkNumber(), buyer.email());
        CustomerPartyType customer = new CustomerPartyType();
        customer.setParty(party);
        return customer;
    }

    private static PartyType party(String name, Address address, String vatId, String kvkNumber, String email) {
        PartyType party = new PartyType();
        if (kvkNumber != null) {
            EndpointIDType endpoint = id(EndpointIDType::new, kvkNumber);
            endpoint.setSchemeID("0106");
            party.setEndpointID(endpoint);
        } else if (vatId != null) {
            EndpointIDType endpoint = id(EndpointIDType::new, vatId);
            endpoint.setSchemeID("9944");
            party.setEndpointID(endpoint);
        }
        PartyNameType partyName = new PartyNameType();
        partyName.setName(text(NameType::new, name));
        party.getPartyName().add(partyName);
        if (address != null) {
            AddressType postal = new AddressType();
            postal.setStreetName(text(StreetNameType::new, address.street()));
            postal.setCityName(text(CityNameType::new, address.city()));
            postal.setPostalZone(text(PostalZoneType::new, address.postalCode()));
            CountryType country = new CountryType();
            country.setIdentificationCode(code(IdentificationCodeType::new, address.countryCode()));
            postal.setCountry(country);
            party.setPostalAddress(postal);
        }
        if (vatId != null) {
            PartyTaxSchemeType tax = new PartyTaxSchemeType();
            tax.setCompanyID(id(CompanyIDType::new, vatId));
            tax.setTaxScheme(vat());
            party.getPartyTaxScheme().add(tax);
        }
        PartyLegalEntityType legal = new PartyLegalEntityType();
        legal.setRegistrationName(text(RegistrationNameType::new, name));
        if (kvkNumber != null) {
            CompanyIDType kvk = id(CompanyIDType::new, kvkNumber);
            kvk.setSchemeID("0106");
            legal.setCompanyID(kvk);
        }
        party.getPartyLegalEntity().add(legal);
        if (email != null) {
            ContactType contact = new ContactType();
            contact.setElectronicMail(text(ElectronicMailType::new, email));
            party.setContact(contact);
        }
        return party;
    }

    /** SEPA credit transfer (58) to the creditor's IBAN, with the betalingskenmerk. */
    private static PaymentMeansType paymentMeans(InvoiceIssued invoice, CreditorProfile seller) {
        PaymentMeansType means = new PaymentMeansType();
        means.setPaymentMeansCode(code(PaymentMeansCodeType::new, "58"));
        if (invoice.paymentReference() != null) {
            means.getPaymentID().add(id(PaymentIDType::new, invoice.paymentReference()));
        }
        FinancialAccountType account = new FinancialAccountType();
        account.setID(id(IDType::new, seller.iban()));
        account.setName(text(NameType::new, seller.name()));
        if (seller.bic() != null) {
            BranchType branch = new BranchType();
            branch.setID(id(IDType::new, seller.bic()));
            account.setFinancialInstitutionBranch(branch);
        }
        means.setPayeeFinancialAccount(account);
        return means;
    }

    private static PaymentTermsType paymentTerms(InvoiceIssued invoice) {
        String note = invoice.termDays() != null ? "Betaling binnen " + invoice.termDays() + " dagen"
                : "Betaling uiterlijk " + invoice.dueDate();
        if (invoice.earlyPaymentDiscount() != null) {
            note += "; " + invoice.earlyPaymentDiscount().percent() + " % korting bij betaling binnen "
                    + invoice.earlyPaymentDiscount().withinDays() + " dagen";
        }
        PaymentTermsType terms = new PaymentTermsType();
        terms.getNote().add(text(NoteType::new, note));
        return terms;
    }

    private static TaxTotalType taxTotal(InvoiceIssued invoice, String currency) {
        TaxTotalType total = new TaxTotalType();
        total.setTaxAmount(amount(TaxAmountType::new, invoice.vatTotal()));
        for (VatAmount vat : invoice.vatBreakdown()) {
            TaxSubtotalType subtotal = new TaxSubtotalType();
            subtotal.setTaxableAmount(amount(TaxableAmountType::new, vat.taxable()));
            subtotal.setTaxAmount(amount(TaxAmountType::new, vat.vat()));
            subtotal.setTaxCategory(category(vat.vatCategory(), vat.vatPercent(), true));
            total.getTaxSubtotal().add(subtotal);
        }
        return total;
    }

    private static TaxCategoryType category(String code, String percent, boolean withReason) {
        TaxCategoryType category = new TaxCategoryType();
        category.setID(id(IDType::new, code));
        PercentType rate = new PercentType();
        rate.setValue(new BigDecimal(percent));
        category.setPercent(rate);
        if (withReason && ("AE".equals(code) || "E".equals(code))) {
            category.getTaxExemptionReason().add(text(TaxExemptionReasonType::new,
                    "AE".equals(code) ? "Btw verlegd" : "Vrijgesteld van btw"));
        }
        category.setTaxScheme(vat());
        return category;
    }

    private static MonetaryTotalType totals(InvoiceIssued invoice, String currency) {
        MonetaryTotalType totals = new MonetaryTotalType();
        totals.setLineExtensionAmount(amount(LineExtensionAmountType::new, invoice.totalExclVat()));
        totals.setTaxExclusiveAmount(amount(TaxExclusiveAmountType::new, invoice.totalExclVat()));
        totals.setTaxInclusiveAmount(amount(TaxInclusiveAmountType::new, invoice.totalInclVat()));
        totals.setPayableAmount(amount(PayableAmountType::new, invoice.totalInclVat()));
        return totals;
    }

    private static InvoiceLineType line(int number, LineItem item, String currency) {
        InvoiceLineType line = new InvoiceLineType();
        line.setID(id(IDType::new, Integer.toString(number)));
        InvoicedQuantityType quantity = new InvoicedQuantityType();
        quantity.setValue(new BigDecimal(item.quantity()));
        quantity.setUnitCode("C62"); // "one": UN/ECE Recommendation 20
        line.setInvoicedQuantity(quantity);
        line.setLineExtensionAmount(amount(LineExtensionAmountType::new, item.lineTotal()));
        ItemType product = new ItemType();
        product.setName(text(NameType::new, item.description()));
        product.getClassifiedTaxCategory().add(category(item.vatCategory(), item.vatPercent(), false));
        line.setItem(product);
        PriceType price = new PriceType();
        price.setPriceAmount(amount(PriceAmountType::new, item.unitPrice()));
        line.setPrice(price);
        return line;
    }

    private static TaxSchemeType vat() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID(id(IDType::new, "VAT"));
        return scheme;
    }

    private static <T extends TextType> T text(Supplier<T> type, String value) {
        T t = type.get();
        t.setValue(value);
        return t;
    }

    private static <T extends IdentifierType> T id(Supplier<T> type, String value) {
        T t = type.get();
        t.setValue(value);
        return t;
    }

    private static <T extends CodeType> T code(Supplier<T> type, String value) {
        T t = type.get();
        t.setValue(value);
        return t;
    }

    /** An amount as written: at least two decimals (a unit price may have more). */
    private static <T extends AmountType> T amount(Supplier<T> type, Money money) {
        T t = type.get();
        BigDecimal value = money.amount();
        t.setValue(value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value);
        t.setCurrencyID(money.currency().getCurrencyCode());
        return t;
    }

    private static <T extends oasis.names.specification.ubl.schema.xsd.unqualifieddatatypes_2.DateType> T date(
            Supplier<T> type, LocalDate value) {
        T t = type.get();
        XMLGregorianCalendar date = DATES.newXMLGregorianCalendarDate(value.getYear(), value.getMonthValue(),
                value.getDayOfMonth(), DatatypeConstants.FIELD_UNDEFINED);
        t.setValue(date);
        return t;
    }

    private static byte[] marshal(InvoiceType invoice) {
        try {
            Marshaller marshaller = UblReader.CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", PREFIXES);
            marshaller.setSchema(UblSchema.schema()); // refuse to write what is not valid UBL 2.1
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(new ObjectFactory().createInvoice(invoice), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("the invoice does not make a valid UBL 2.1 document", e);
        }
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
