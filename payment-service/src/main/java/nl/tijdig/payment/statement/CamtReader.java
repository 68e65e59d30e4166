package nl.tijdig.payment.statement;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementEntry;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads camt.053.001.02 and .08 bank statements entry by entry: the whole file is first validated
 * against its ISO 20022 schema (streaming, so a file of any size takes constant memory), then each
 * {@code Ntry} is bound with JAXB on its own from a StAX cursor and turned into statement entries —
 * one per transaction detail (a batch booking has several). DOCTYPEs and external entities are
 * refused.
 */
public final class CamtReader {

    static final String V02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    static final String V08 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static final int MAX_PROBLEMS = 20;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private CamtReader() {
    }

    /** Whether the file is camt.053 (its root element's namespace). */
    public static boolean isCamt(Path file) {
        try {
            String namespace = namespace(file);
            return namespace != null && namespace.startsWith("urn:iso:std:iso:20022:tech:xsd:camt.053");
        } catch (StatementFormatException e) {
            return false;
        }
    }

    /** Validates the whole file against its schema; every problem (up to 20) with line and column. */
    public static void validate(Path file) {
        String namespace = namespace(file);
        if (!V02.equals(namespace) && !V08.equals(namespace)) {
            throw new StatementFormatException(List.of("line 1: " + namespace
                    + " is not a supported statement: camt.053.001.02 or camt.053.001.08"));
        }
        List<String> problems = new ArrayList<>();
        Validator validator = schema(namespace).newValidator();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(where(e));
                    }
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(in));
        } catch (SAXParseException e) {
            problems.add(where(e));
        } catch (SAXException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new StatementFormatException(problems);
        }
    }

    /** Reads a validated file, giving each entry to {@code sink} as it is read; returns how many. */
    public static long read(Path file, Consumer<StatementEntry> sink) {
        String namespace = namespace(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = inputs().createXMLStreamReader(in);
            Unmarshaller unmarshaller = context(namespace).createUnmarshaller();
            Deque<String> path = new ArrayDeque<>();
            String account = null;
            long count = 0;
            while (xml.hasNext()) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if ("Acct".equals(name) && "Stmt".equals(path.peek())) {
                        account = V02.equals(namespace)
                                ? iban(unmarshaller.unmarshal(xml, nl.tijdig.payment.camt.v02.CashAccount20.class).getValue().getId())
                                : iban(unmarshaller.unmarshal(xml, nl.tijdig.payment.camt.v08.CashAccount39.class).getValue().getId());
                        continue;
                    }
                    if ("Ntry".equals(name)) {
                        List<StatementEntry> entries = V02.equals(namespace)
                                ? Camt02.entries(unmarshaller.unmarshal(xml, nl.tijdig.payment.camt.v02.ReportEntry2.class).getValue(), account)
                                : Camt08.entries(unmarshaller.unmarshal(xml, nl.tijdig.payment.camt.v08.ReportEntry10.class).getValue(), account);
                        entries.forEach(sink);
                        count += entries.size();
                        continue;
                    }
                    path.push(name);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    path.poll();
                }
                xml.next();
            }
            xml.close();
            return count;
        } catch (XMLStreamException | JAXBException e) {
            throw new StatementFormatException(List.of(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String iban(Object id) {
        if (id instanceof nl.tijdig.payment.camt.v02.AccountIdentification4Choice v02) {
            return v02.getIBAN() != null ? v02.getIBAN() : v02.getOthr() == null ? null : v02.getOthr().getId();
        }
        if (id instanceof nl.tijdig.payment.camt.v08.AccountIdentification4Choice v08) {
            return v08.getIBAN() != null ? v08.getIBAN() : v08.getOthr() == null ? null : v08.getOthr().getId();
        }
        return null;
    }

    /** The entries of a v02 entry. */
    static final class Camt02 {
        static List<StatementEntry> entries(nl.tijdig.payment.camt.v02.ReportEntry2 e, String account) {
            String currency = e.getAmt().getCcy();
            boolean credit = e.getCdtDbtInd() == nl.tijdig.payment.camt.v02.CreditDebitCode.CRDT;
            boolean reversal = Boolean.TRUE.equals(e.isRvslInd());
            LocalDate booked = e.getBookgDt() == null ? null : date(e.getBookgDt().getDt(), e.getBookgDt().getDtTm());
            LocalDate value = e.getValDt() == null ? null : date(e.getValDt().getDt(), e.getValDt().getDtTm());
            String entryRef = first(e.getAcctSvcrRef(), e.getNtryRef());
            List<nl.tijdig.payment.camt.v02.EntryTransaction2> txs = e.getNtryDtls().stream()
                    .flatMap(d -> d.getTxDtls().stream()).toList();
            List<StatementEntry> out = new ArrayList<>();
            if (txs.isEmpty()) {
                out.add(new StatementEntry(key(account, booked, entryRef, null, 0, e.getAmt().getValue()), account, credit,
                        reversal, Money.of(e.getAmt().getValue(), Money.currency(currency)), booked, value, null, null,
                        null, e.getAddtlNtryInf(), null));
            }
            for (int i = 0; i < txs.size(); i++) {
                var tx = txs.get(i);
                BigDecimal amount = tx.getAmtDtls() != null && tx.getAmtDtls().getTxAmt() != null
                        ? tx.getAmtDtls().getTxAmt().getAmt().getValue()
                        : tx.getAmtDtls() != null && tx.getAmtDtls().getInstdAmt() != null
                                ? tx.getAmtDtls().getInstdAmt().getAmt().getValue() : e.getAmt().getValue();
                var parties = tx.getRltdPties();
                var party = parties == null ? null : parties.getDbtr() != null ? parties.getDbtr() : parties.getCdtr();
                var partyAccount = parties == null ? null
                        : parties.getDbtrAcct() != null ? parties.getDbtrAcct() : parties.getCdtrAcct();
                String e2e = tx.getRefs() == null ? null : tx.getRefs().getEndToEndId();
                String txRef = tx.getRefs() == null ? null : first(tx.getRefs().getAcctSvcrRef(), e2e);
                String structured = tx.getRmtInf() == null ? null : tx.getRmtInf().getStrd().stream()
                        .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef()).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                String unstructured = tx.getRmtInf() == null ? null : String.join(" ", tx.getRmtInf().getUstrd());
                out.add(new StatementEntry(key(account, booked, entryRef, txRef, i, amount), account, credit, reversal,
                        Money.of(amount, Money.currency(currency)), booked, value, notApplicable(e2e),
                        party == null ? null : party.getNm(), partyAccount == null ? null : iban(partyAccount.getId()),
                        remittance(structured, unstructured != null ? unstructured : e.getAddtlNtryInf()),
                        tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null : tx.getRtrInf().getRsn().getCd()));
            }
            return out;
        }
    }

    /** The entries of a v08 entry. */
    static final class Camt08 {
        static List<StatementEntry> entries(nl.tijdig.payment.camt.v08.ReportEntry10 e, String account) {
            String currency = e.getAmt().getCcy();
            boolean credit = e.getCdtDbtInd() == nl.tijdig.payment.camt.v08.CreditDebitCode.CRDT;
            boolean reversal = Boolean.TRUE.equals(e.isRvslInd());
            LocalDate booked = e.getBookgDt() == null ? null : date(e.getBookgDt().getDt(), e.getBookgDt().getDtTm());
            LocalDate value = e.getValDt() == null ? null : date(e.getValDt().getDt(), e.getValDt().getDtTm());
            String entryRef = first(e.getAcctSvcrRef(), e.getNtryRef());
            List<nl.tijdig.payment.camt.v08.EntryTransaction10> txs = e.getNtryDtls().stream()
                    .flatMap(d -> d.getTxDtls().stream()).toList();
            List<StatementEntry> out = new ArrayList<>();
            if (txs.isEmpty()) {
                out.add(new StatementEntry(key(account, booked, entryRef, null, 0, e.getAmt().getValue()), account, credit,
                        reversal, Money.of(e.getAmt().getValue(), Money.currency(currency)), booked, value, null, null,
                        null, e.getAddtlNtryInf(), null));
            }
            for (int i = 0; i < txs.size(); i++) {
                var tx = txs.get(i);
                // the detail's amount when it is in the entry's currency; a single detail is the entry
                BigDecimal amount = tx.getAmt() != null && currency.equals(tx.getAmt().getCcy()) ? tx.getAmt().getValue()
                        : txs.size() == 1 ? e.getAmt().getValue()
                        : tx.getAmtDtls() != null && tx.getAmtDtls().getTxAmt() != null
                                ? tx.getAmtDtls().getTxAmt().getAmt().getValue() : e.getAmt().getValue();
                var parties = tx.getRltdPties();
                var party = parties == null ? null : parties.getDbtr() != null ? parties.getDbtr() : parties.getCdtr();
                var partyAccount = parties == null ? null
                        : parties.getDbtrAcct() != null ? parties.getDbtrAcct() : parties.getCdtrAcct();
                String e2e = tx.getRefs() == null ? null : tx.getRefs().getEndToEndId();
                String txRef = tx.getRefs() == null ? null : first(tx.getRefs().getAcctSvcrRef(), e2e);
                String structured = tx.getRmtInf() == null ? null : tx.getRmtInf().getStrd().stream()
                        .map(s -> s.getCdtrRefInf() == null ? null : s.getCdtrRefInf().getRef()).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                String unstructured = tx.getRmtInf() == null ? null : String.join(" ", tx.getRmtInf().getUstrd());
                out.add(new StatementEntry(key(account, booked, entryRef, txRef, i, amount), account, credit, reversal,
                        Money.of(amount, Money.currency(currency)), booked, value, notApplicable(e2e),
                        party == null || party.getPty() == null ? null : party.getPty().getNm(),
                        partyAccount == null ? null : iban(partyAccount.getId()),
                        remittance(structured, unstructured != null ? unstructured : e.getAddtlNtryInf()),
                        tx.getRtrInf() == null || tx.getRtrInf().getRsn() == null ? null : tx.getRtrInf().getRsn().getCd()));
            }
            return out;
        }
    }

    private static String remittance(String structured, String unstructured) {
        String text = Stream.of(structured, unstructured).filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
        return text.isEmpty() ? null : text;
    }

    private static String notApplicable(String ref) {
        return ref == null || "NOTPROVIDED".equals(ref) || "NONREF".equals(ref) ? null : ref;
    }

    /**
     * The entry's identity across statements: account, booking date, the bank's references (entry and
     * detail) and the detail's position; the amount joins when the bank gives no reference.
     */
    static String key(String account, LocalDate booked, String entryRef, String txRef, int index, BigDecimal amount) {
        String refs = first(entryRef, "") + "/" + first(txRef, "");
        String identity = refs.equals("/") ? "amount:" + amount.stripTrailingZeros().toPlainString() : refs;
        return account + "|" + booked + "|" + identity + "|" + index;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static LocalDate date(XMLGregorianCalendar date, XMLGregorianCalendar dateTime) {
        XMLGregorianCalendar c = date != null ? date : dateTime;
        return c == null ? null : LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private static String where(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }

    private static String namespace(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = inputs().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    return xml.getNamespaceURI();
                }
            }
            throw new StatementFormatException(List.of("line 1: the file has no root element"));
        } catch (XMLStreamException e) {
            throw new StatementFormatException(List.of(e.getLocation() == null ? e.getMessage()
                    : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber()
                            + ": not well-formed XML"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static Schema schema(String namespace) {
        return SCHEMAS.computeIfAbsent(namespace, ns -> {
            String file = "iso20022/" + ns.substring(ns.lastIndexOf(':') + 1) + ".xsd";
            URL url = CamtReader.class.getClassLoader().getResource(file);
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt");
                return factory.newSchema(url);
            } catch (SAXException e) {
                throw new IllegalStateException("the schema " + file + " does not compile", e);
            }
        });
    }

    private static JAXBContext context(String namespace) {
        return CONTEXTS.computeIfAbsent(namespace, ns -> {
            try {
                return V02.equals(ns) ? JAXBContext.newInstance(nl.tijdig.payment.camt.v02.ObjectFactory.class)
                        : JAXBContext.newInstance(nl.tijdig.payment.camt.v08.ObjectFactory.class);
            } catch (JAXBException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
