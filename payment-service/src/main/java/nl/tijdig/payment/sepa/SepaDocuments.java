package nl.tijdig.payment.sepa;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.Mandate;
import nl.tijdig.payment.pain001.CustomerCreditTransferInitiationV09;
import nl.tijdig.payment.pain008.CustomerDirectDebitInitiationV08;
import org.xml.sax.SAXException;

/**
 * Writes SEPA initiation files with the binding generated from the ISO 20022 schemas: pain.001.001.09
 * (credit transfers: refunds of debtor credit) and pain.008.001.08 (direct debits: collections under the
 * debtors' mandates), as the EPC rulebooks and the Dutch banks ask (service level SEPA, charges SLEV,
 * local instrument CORE or B2B, the creditor identifier as "SEPA" private id). Every file is validated
 * against its schema while it is written: an invalid one is an error, never a file.
 */
public final class SepaDocuments {

    /** The tenant's own account: where refunds are paid from and collections paid into. */
    public record Account(String name, String iban, String bic) {
    }

    /** One refund. */
    public record Transfer(String endToEndId, Money amount, String name, String iban, String bic, String remittance) {
    }

    /** One collection. */
    public record Collection(String endToEndId, Money amount, Mandate mandate, Mandate.SequenceType sequence,
            String debtorName, String remittance) {
    }

    public static final String PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    public static final String PAIN_008 = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.08";

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final JAXBContext PAIN_001_CONTEXT = context(nl.tijdig.payment.pain001.Document.class);
    private static final JAXBContext PAIN_008_CONTEXT = context(nl.tijdig.payment.pain008.Document.class);
    private static final Schema PAIN_001_SCHEMA = schema("iso20022/pain.001.001.09.xsd");
    private static final Schema PAIN_008_SCHEMA = schema("iso20022/pain.008.001.08.xsd");

    private SepaDocuments() {
    }

    /** A pain.001.001.09 of refunds from the tenant's account, executed on the date. */
    public static String creditTransfers(String messageId, Instant createdAt, LocalDate executionDate, Account from,
            List<Transfer> transfers) {
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("a credit-transfer file needs a transfer");
        }
        var f = new nl.tijdig.payment.pain001.ObjectFactory();
        BigDecimal sum = transfers.stream().map(t -> t.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);

        var header = f.createGroupHeader85();
        header.setMsgId(messageId);
        header.setCreDtTm(dateTime(createdAt));
        header.setNbOfTxs(String.valueOf(transfers.size()));
        header.setCtrlSum(amount(sum));
        var initiator = f.createPartyIdentification135();
        initiator.setNm(SepaText.latin(from.name(), 70));
        header.setInitgPty(initiator);

        var instruction = f.createPaymentInstruction30();
        instruction.setPmtInfId(messageId);
        instruction.setPmtMtd(nl.tijdig.payment.pain001.PaymentMethod3Code.TRF);
        instruction.setBtchBookg(true);
        instruction.setNbOfTxs(String.valueOf(transfers.size()));
        instruction.setCtrlSum(amount(sum));
        var type = f.createPaymentTypeInformation26();
        var level = f.createServiceLevel8Choice();
        level.setCd("SEPA");
        type.getSvcLvl().add(level);
        instruction.setPmtTpInf(type);
        var execution = f.createDateAndDateTime2Choice();
        execution.setDt(date(executionDate));
        instruction.setReqdExctnDt(execution);
        var debtor = f.createPartyIdentification135();
        debtor.setNm(SepaText.latin(from.name(), 70));
        instruction.setDbtr(debtor);
        instruction.setDbtrAcct(account001(f, from.iban()));
        instruction.setDbtrAgt(agent001(f, from.bic()));
        instruction.setChrgBr(nl.tijdig.payment.pain001.ChargeBearerType1Code.SLEV);

        for (Transfer t : transfers) {
            var tx = f.createCreditTransferTransaction34();
            var id = f.createPaymentIdentification6();
            id.setEndToEndId(t.endToEndId());
            tx.setPmtId(id);
            var amt = f.createAmountType4Choice();
            var instructed = f.createActiveOrHistoricCurrencyAndAmount();
            instructed.setCcy(t.amount().currency().getCurrencyCode());
            instructed.setValue(amount(t.amount().amount()));
            amt.setInstdAmt(instructed);
            tx.setAmt(amt);
            if (t.bic() != null) {
                tx.setCdtrAgt(agent001(f, t.bic()));
            }
            var creditor = f.createPartyIdentification135();
            creditor.setNm(SepaText.latin(t.name(), 70));
            tx.setCdtr(creditor);
            tx.setCdtrAcct(account001(f, t.iban()));
            var remittance = f.createRemittanceInformation16();
            remittance.getUstrd().add(SepaText.latin(t.remittance(), 140));
            tx.setRmtInf(remittance);
            instruction.getCdtTrfTxInf().add(tx);
        }

        CustomerCreditTransferInitiationV09 initiation = f.createCustomerCreditTransferInitiationV09();
        initiation.setGrpHdr(header);
        initiation.getPmtInf().add(instruction);
        var document = f.createDocument();
        document.setCstmrCdtTrfInitn(initiation);
        return marshal(PAIN_001_CONTEXT, PAIN_001_SCHEMA, f.createDocument(document));
    }

    /**
     * A pain.008.001.08 of collections into the tenant's account on the date; one payment information
     * block per scheme and sequence type (as the schema places them there).
     */
    public static String directDebits(String messageId, Instant createdAt, LocalDate collectionDate, Account to,
            String creditorId, List<Collection> collections) {
        if (collections.isEmpty()) {
            throw new IllegalArgumentException("a direct-debit file needs a collection");
        }
        var f = new nl.tijdig.payment.pain008.ObjectFactory();
        BigDecimal sum = collections.stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);

        var header = f.createGroupHeader83();
        header.setMsgId(messageId);
        header.setCreDtTm(dateTime(createdAt));
        header.setNbOfTxs(String.valueOf(collections.size()));
        header.setCtrlSum(amount(sum));
        var initiator = f.createPartyIdentification135();
        initiator.setNm(SepaText.latin(to.name(), 70));
        header.setInitgPty(initiator);

        CustomerDirectDebitInitiationV08 initiation = f.createCustomerDirectDebitInitiationV08();
        initiation.setGrpHdr(header);

        Map<String, List<Collection>> blocks = new LinkedHashMap<>();
        for (Collection c : collections) {
            blocks.computeIfAbsent(c.mandate().scheme() + "-" + c.sequence(), k -> new java.util.ArrayList<>()).add(c);
        }
        int n = 0;
        for (Map.Entry<String, List<Collection>> block : blocks.entrySet()) {
            List<Collection> in = block.getValue();
            Collection first = in.get(0);
            var instruction = f.createPaymentInstruction29();
            instruction.setPmtInfId(messageId + "-" + (++n));
            instruction.setPmtMtd(nl.tijdig.payment.pain008.PaymentMethod2Code.DD);
            instruction.setBtchBookg(true);
            instruction.setNbOfTxs(String.valueOf(in.size()));
            instruction.setCtrlSum(amount(in.stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)));
            var type = f.createPaymentTypeInformation29();
            var level = f.createServiceLevel8Choice();
            level.setCd("SEPA");
            type.getSvcLvl().add(level);
            var local = f.createLocalInstrument2Choice();
            local.setCd(first.mandate().scheme().name());
            type.setLclInstrm(local);
            type.setSeqTp(nl.tijdig.payment.pain008.SequenceType3Code.valueOf(first.sequence().name()));
            instruction.setPmtTpInf(type);
            instruction.setReqdColltnDt(date(collectionDate));
            var creditor = f.createPartyIdentification135();
            creditor.setNm(SepaText.latin(to.name(), 70));
            instruction.setCdtr(creditor);
            instruction.setCdtrAcct(account008(f, to.iban()));
            instruction.setCdtrAgt(agent008(f, to.bic()));
            instruction.setChrgBr(nl.tijdig.payment.pain008.ChargeBearerType1Code.SLEV);
            instruction.setCdtrSchmeId(schemeId(f, creditorId));
            for (Collection c : in) {
                var tx = f.createDirectDebitTransactionInformation23();
                var id = f.createPaymentIdentification6();
                id.setEndToEndId(c.endToEndId());
                tx.setPmtId(id);
                var instructed = f.createActiveOrHistoricCurrencyAndAmount();
                instructed.setCcy(c.amount().currency().getCurrencyCode());
                instructed.setValue(amount(c.amount().amount()));
                tx.setInstdAmt(instructed);
                var debit = f.createDirectDebitTransaction10();
                var mandate = f.createMandateRelatedInformation14();
                mandate.setMndtId(c.mandate().mandateId());
                mandate.setDtOfSgntr(date(c.mandate().signedOn()));
                debit.setMndtRltdInf(mandate);
                tx.setDrctDbtTx(debit);
                tx.setDbtrAgt(agent008(f, c.mandate().bic()));
                var debtor = f.createPartyIdentification135();
                debtor.setNm(SepaText.latin(c.debtorName(), 70));
                tx.setDbtr(debtor);
                tx.setDbtrAcct(account008(f, c.mandate().iban()));
                var remittance = f.createRemittanceInformation16();
                remittance.getUstrd().add(SepaText.latin(c.remittance(), 140));
                tx.setRmtInf(remittance);
                instruction.getDrctDbtTxInf().add(tx);
            }
            initiation.getPmtInf().add(instruction);
        }
        var document = f.createDocument();
        document.setCstmrDrctDbtInitn(initiation);
        return marshal(PAIN_008_CONTEXT, PAIN_008_SCHEMA, f.createDocument(document));
    }

    private static nl.tijdig.payment.pain001.CashAccount38 account001(nl.tijdig.payment.pain001.ObjectFactory f,
            String iban) {
        var id = f.createAccountIdentification4Choice();
        id.setIBAN(iban);
        var account = f.createCashAccount38();
        account.setId(id);
        return account;
    }

    private static nl.tijdig.payment.pain008.CashAccount38 account008(nl.tijdig.payment.pain008.ObjectFactory f,
            String iban) {
        var id = f.createAccountIdentification4Choice();
        id.setIBAN(iban);
        var account = f.createCashAccount38();
        account.setId(id);
        return account;
    }

    /** The bank by its BIC, or "NOTPROVIDED" (the EPC's IBAN-only form). */
    private static nl.tijdig.payment.pain001.BranchAndFinancialInstitutionIdentification6 agent001(
            nl.tijdig.payment.pain001.ObjectFactory f, String bic) {
        var institution = f.createFinancialInstitutionIdentification18();
        if (bic != null) {
            institution.setBICFI(bic);
        } else {
            var other = f.createGenericFinancialIdentification1();
            other.setId("NOTPROVIDED");
            institution.setOthr(other);
        }
        var agent = f.createBranchAndFinancialInstitutionIdentification6();
        agent.setFinInstnId(institution);
        return agent;
    }

    private static nl.tijdig.payment.pain008.BranchAndFinancialInstitutionIdentification6 agent008(
            nl.tijdig.payment.pain008.ObjectFactory f, String bic) {
        var institution = f.createFinancialInstitutionIdentification18();
        if (bic != null) {
            institution.setBICFI(bic);
        } else {
            var other = f.createGenericFinancialIdentification1();
            other.setId("NOTPROVIDED");
            institution.setOthr(other);
        }
        var agent = f.createBranchAndFinancialInstitutionIdentification6();
        agent.setFinInstnId(institution);
        return agent;
    }

    /** The creditor identifier as the rulebook places it: Id/PrvtId/Othr/Id with scheme name "SEPA". */
    private static nl.tijdig.payment.pain008.PartyIdentification135 schemeId(nl.tijdig.payment.pain008.ObjectFactory f,
            String creditorId) {
        var name = f.createPersonIdentificationSchemeName1Choice();
        name.setPrtry("SEPA");
        var other = f.createGenericPersonIdentification1();
        other.setId(creditorId);
        other.setSchmeNm(name);
        var person = f.createPersonIdentification13();
        person.getOthr().add(other);
        var party = f.createParty38Choice();
        party.setPrvtId(person);
        var id = f.createPartyIdentification135();
        id.setId(party);
        return id;
    }

    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static XMLGregorianCalendar date(LocalDate day) {
        return FACTORY.newXMLGregorianCalendarDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(),
                DatatypeConstants.FIELD_UNDEFINED);
    }

    private static XMLGregorianCalendar dateTime(Instant instant) {
        XMLGregorianCalendar value = FACTORY.newXMLGregorianCalendar(
                GregorianCalendar.from(instant.atZone(AMSTERDAM).withNano(0)));
        value.setMillisecond(DatatypeConstants.FIELD_UNDEFINED);
        return value;
    }

    private static final DatatypeFactory FACTORY = factory();

    private static DatatypeFactory factory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String marshal(JAXBContext context, Schema schema, Object root) {
        try {
            Marshaller marshaller = context.createMarshaller();
            marshaller.setSchema(schema);
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            marshaller.marshal(root, out);
            return out.toString();
        } catch (JAXBException e) {
            Throwable cause = e.getLinkedException() != null ? e.getLinkedException() : e;
            throw new IllegalStateException("the SEPA file does not validate against its schema: " + cause.getMessage(), e);
        }
    }

    private static JAXBContext context(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One of the ISO 20022 schemas on the class path, loaded without fetching anything external. */
    public static Schema schema(String resource) {
        URL url = SepaDocuments.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing schema " + resource);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar:file");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
