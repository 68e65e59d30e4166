package nl.tijdig.payment.statement;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;
import nl.tijdig.payment.statement.CamtModel.Amount;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads camt.053 bank statements of every version — .001.02, .04, .08, .10, .13, the national variants
 * of them (the Austrian Stuzza namespace of .02) and versions to come — through one mapping: a StAX
 * cursor walks the file, each {@code Acct}, {@code Bal} and {@code Ntry} of a statement is bound on its
 * own with JAXB to {@link CamtModel} (without namespaces, so the version does not matter) and turned into
 * statement entries, one per transaction detail. Constant memory for a file of any size; DOCTYPEs and
 * external entities are refused.
 *
 * <p>Strict where it matters: a file that is not well-formed (one cut off inside an entry included), has
 * no statement, or whose account, entry amount, currency, credit/debit indicator or booking date cannot be
 * read is refused, every such problem named with its line. Lenient where the bank deviates: the file is
 * checked against its version's ISO 20022 schema and each deviation (an element out of place, a pattern
 * not met) becomes a warning with line and column, and the file is read. Where a statement gives its
 * opening and closing balance, the booked entries are checked against them.
 */
public final class CamtReader {

    static final String PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    static final String V02 = PREFIX + "02";
    /** The versions whose schemas Tijdig carries (in src/main/resources/iso20022). */
    static final Set<String> SCHEMA_VERSIONS = Set.of("02", "04", "08", "10", "13");
    private static final Pattern VERSION = Pattern.compile("camt\\.053\\.001\\.(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}(\\.[0-9]{0,5})?");
    private static final int MAX_PROBLEMS = 20;
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(CamtModel.Entry.class, CamtModel.Account.class, CamtModel.Balance.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CamtReader() {
    }

    /** Whether the file is camt.053: its root element's namespace names the message. */
    public static boolean isCamt(Path file) {
        try {
            return VERSION.matcher(String.valueOf(namespace(file))).find();
        } catch (StatementFormatException e) {
            return false;
        }
    }

    /** The version of a camt.053 namespace ("02", "13"), or null. */
    static String version(String namespace) {
        Matcher m = VERSION.matcher(namespace == null ? "" : namespace);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Reads the whole file without importing it: refuses it ({@link StatementFormatException}, every problem with
     * its line) or says how many entries it gives, what deviates and how its balances add up.
     */
    public static StatementCheck check(Path file) {
        String namespace = namespace(file);
        String version = version(namespace);
        if (version == null) {
            throw new StatementFormatException(List.of("line 1: " + namespace + " is not a camt.053 statement"));
        }
        Scan scan = scan(file, entry -> { });
        StatementCheck.Warnings warnings = schemaWarnings(file, namespace, version);
        warnings.addAll(scan.warnings);
        return new StatementCheck("camt.053.001." + version, scan.entries, warnings.list(), scan.balances);
    }

    /** Reads a checked file, giving each entry to {@code sink} as it is read; returns how many. */
    public static long read(Path file, Consumer<StatementEntry> sink) {
        return scan(file, sink).entries;
    }

    /** What one pass over the file found. */
    private static final class Scan {
        final StatementCheck.Warnings warnings = new StatementCheck.Warnings();
        final List<StatementCheck.BalanceCheck> balances = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        long entries;

        void problem(String problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }

    /** One statement ({@code Stmt}) as it is read. */
    private static final class Statement {
        final int line;
        String id;
        String account;
        final List<Balance> balances = new ArrayList<>();
        BigDecimal booked = BigDecimal.ZERO;
        String currency;
        boolean mixedCurrencies;

        Statement(int line) {
            this.line = line;
        }

        String name() {
            return id != null ? id : "at line " + line;
        }
    }

    private record Balance(String type, BigDecimal amount, String currency) {
    }

    private record Open(String name, int line) {
    }

    private static Scan scan(Path file, Consumer<StatementEntry> sink) {
        Scan scan = new Scan();
        Deque<Open> open = new ArrayDeque<>();
        int statements = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            XMLStreamReader xml = new Unqualified(inputs().createXMLStreamReader(in));
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> true);
            Statement statement = null;
            while (xml.hasNext()) {
                int event = xml.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    int line = xml.getLocation().getLineNumber();
                    String parent = open.isEmpty() ? null : open.peek().name();
                    if ("Stmt".equals(name) && "BkToCstmrStmt".equals(parent)) {
                        statement = new Statement(line);
                        statements++;
                    } else if (statement != null && "Stmt".equals(parent)) {
                        switch (name) {
                            case "Id" -> {
                                statement.id = xml.getElementText().strip();
                                xml.next();
                                continue;
                            }
                            case "Acct" -> {
                                open.push(new Open(name, line));
                                statement.account = account(unmarshaller.unmarshal(xml, CamtModel.Account.class).getValue());
                                open.pop();
                                if (statement.account == null) {
                                    scan.problem("line " + line + ": the statement's account (Acct/Id: IBAN or Othr/Id) "
                                            + "cannot be read");
                                }
                                continue;
                            }
                            case "Bal" -> {
                                open.push(new Open(name, line));
                                balance(unmarshaller.unmarshal(xml, CamtModel.Balance.class).getValue(), line, scan)
                                        .ifPresent(statement.balances::add);
                                open.pop();
                                continue;
                            }
                            case "Ntry" -> {
                                open.push(new Open(name, line));
                                CamtModel.Entry entry = unmarshaller.unmarshal(xml, CamtModel.Entry.class).getValue();
                                open.pop();
                                List<StatementEntry> entries = entries(entry, statement, line, scan);
                                entries.forEach(sink);
                                scan.entries += entries.size();
                                continue;
                            }
                            default -> {
                                // other parts of the statement (pagination, summaries) are not read
                            }
                        }
                    }
                    open.push(new Open(name, line));
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    Open closed = open.pop();
                    if ("Stmt".equals(closed.name()) && statement != null) {
                        finish(statement, scan);
                        statement = null;
                    }
                }
                xml.next();
            }
            xml.close();
        } catch (XMLStreamException e) {
            scan.problem(notWellFormed(e, open));
        } catch (JAXBException e) {
            scan.problem(e.getLinkedException() instanceof XMLStreamException x ? notWellFormed(x, open)
                    : String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (scan.problems.isEmpty() && statements == 0) {
            scan.problem("the file has no statement (BkToCstmrStmt/Stmt)");
        }
        if (!scan.problems.isEmpty()) {
            throw new StatementFormatException(scan.problems);
        }
        return scan;
    }

    /** Where the XML stops being well-formed, and inside what: a file cut off ends inside its open elements. */
    private static String notWellFormed(XMLStreamException e, Deque<Open> open) {
        Location at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
        String message = String.valueOf(e.getMessage());
        int detail = message.indexOf("Message: ");
        message = detail >= 0 ? message.substring(detail + 9) : message;
        Optional<Open> entry = open.stream().filter(o -> o.name().equals("Ntry")).findFirst();
        String inside = entry.map(o -> "; the file ends or breaks inside the entry (Ntry) that starts at line " + o.line()
                + ": it is cut off or damaged, and nothing of it is imported")
                .orElse(open.isEmpty() ? "" : "; inside " + open.peek().name() + " (line " + open.peek().line()
                        + "): the file is cut off or damaged, and nothing of it is imported");
        return where + "not well-formed XML (" + message.strip() + ")" + inside;
    }

    private static void finish(Statement statement, Scan scan) {
        Optional<Balance> opening = first(statement.balances, "OPBD", "PRCD");
        Optional<Balance> closing = first(statement.balances, "CLBD");
        List<Balance> interim = statement.balances.stream().filter(b -> "ITBD".equals(b.type())).toList();
        if (opening.isEmpty() && closing.isPresent() && !interim.isEmpty()) {
            opening = Optional.of(interim.get(0));
        } else if (closing.isEmpty() && opening.isPresent() && !interim.isEmpty()) {
            closing = Optional.of(interim.get(interim.size() - 1));
        }
        if (opening.isEmpty() || closing.isEmpty() || statement.mixedCurrencies
                || !opening.get().currency().equals(closing.get().currency())
                || statement.currency != null && !statement.currency.equals(opening.get().currency())) {
            return;
        }
        StatementCheck.BalanceCheck check = StatementCheck.BalanceCheck.of(statement.name(), statement.account,
                opening.get().currency(), opening.get().amount(), closing.get().amount(), statement.booked);
        scan.balances.add(check);
        if (!check.matches()) {
            scan.warnings.add(statement.line, 0, "statement " + statement.name() + ": the balances go from "
                    + check.opening().toPlainString() + " to " + check.closing().toPlainString() + " " + check.currency()
                    + ", but the booked entries add up to " + check.booked().toPlainString() + ": a difference of "
                    + check.difference().toPlainString() + "; entries are missing from the file");
        }
    }

    private static Optional<Balance> first(List<Balance> balances, String... types) {
        for (String type : types) {
            Optional<Balance> found = balances.stream().filter(b -> type.equals(b.type())).findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Balance> balance(CamtModel.Balance b, int line, Scan scan) {
        String type = b.tp == null || b.tp.cdOrPrtry == null ? null
                : b.tp.cdOrPrtry.cd != null ? b.tp.cdOrPrtry.cd.strip() : b.tp.cdOrPrtry.prtry;
        BigDecimal amount = b.amt == null ? null : decimal(b.amt.value);
        if (type == null || amount == null || b.amt.ccy == null || !isCreditDebit(b.cdtDbtInd)) {
            scan.warnings.add(line, 0, "a balance (Bal) whose type, amount, currency or credit/debit indicator "
                    + "cannot be read: the statement's balances are not checked against its entries");
            return Optional.empty();
        }
        return Optional.of(new Balance(type, "DBIT".equals(b.cdtDbtInd.strip()) ? amount.negate() : amount,
                b.amt.ccy.strip()));
    }

    /** The entries of one {@code Ntry}: one per transaction detail, or the entry itself when it has none. */
    private static List<StatementEntry> entries(CamtModel.Entry e, Statement statement, int line, Scan scan) {
        String at = "line " + line + ": entry " + (e.acctSvcrRef != null ? e.acctSvcrRef.strip() + " " : "");
        String status = e.sts == null ? null : e.sts.code();
        if (status != null && !"BOOK".equals(status)) {
            scan.warnings.add(line, 0, at + "has the status " + status + " (not booked) and is not imported");
            return List.of();
        }
        if (status == null) {
            scan.warnings.add(line, 0, at + "has no status (Sts): read as booked");
        }
        int before = scan.problems.size();
        BigDecimal amount = e.amt == null ? null : decimal(e.amt.value);
        if (amount == null) {
            scan.problem(at + "its amount (Amt) " + (e.amt == null ? "is missing" : "'" + e.amt.value + "' is not an amount"));
        }
        Optional<java.util.Currency> currency = currency(e.amt);
        if (e.amt != null && currency.isEmpty()) {
            scan.problem(at + "its currency (Amt/@Ccy) " + (e.amt.ccy == null ? "is missing"
                    : "'" + e.amt.ccy + "' is not an ISO 4217 currency"));
        }
        if (!isCreditDebit(e.cdtDbtInd)) {
            scan.problem(at + "its credit/debit indicator (CdtDbtInd) " + (e.cdtDbtInd == null ? "is missing"
                    : "'" + e.cdtDbtInd + "' is neither CRDT nor DBIT"));
        }
        LocalDate booked = date(e.bookgDt);
        if (booked == null) {
            scan.problem(at + "its booking date (BookgDt/Dt or DtTm) " + (e.bookgDt == null ? "is missing"
                    : "cannot be read"));
        }
        Boolean reversal = e.rvslInd == null ? Boolean.FALSE : switch (e.rvslInd.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
        if (reversal == null) {
            scan.problem(at + "its reversal indicator (RvslInd) '" + e.rvslInd + "' is neither true nor false");
        }
        if (statement.account == null) {
            scan.problem(at + "comes before the statement's account (Acct), or the statement has none");
        }
        if (scan.problems.size() > before) {
            return List.of();
        }
        LocalDate value = date(e.valDt);
        if (e.valDt != null && value == null) {
            scan.warnings.add(line, 0, at + "its value date (ValDt) cannot be read: the booking date is used");
        }
        boolean credit = "CRDT".equals(e.cdtDbtInd.strip());
        String ccy = currency.get().getCurrencyCode();
        if (statement.currency == null) {
            statement.currency = ccy;
        } else if (!statement.currency.equals(ccy)) {
            statement.mixedCurrencies = true;
        }
        statement.booked = statement.booked.add(credit ? amount : amount.negate());
        String entryRef = first(e.acctSvcrRef, e.ntryRef);
        String account = statement.account;
        List<CamtModel.Transaction> txs = e.ntryDtls.stream().flatMap(d -> d.txDtls.stream()).toList();
        List<StatementEntry> out = new ArrayList<>();
        if (txs.isEmpty()) {
            out.add(new StatementEntry(key(account, booked, entryRef, null, 0, amount), account, credit, reversal,
                    Money.of(amount, currency.get()), booked, value, null, null, null, blank(e.addtlNtryInf), null,
                    null));
            return out;
        }
        BigDecimal details = BigDecimal.ZERO;
        for (int i = 0; i < txs.size(); i++) {
            CamtModel.Transaction tx = txs.get(i);
            BigDecimal txAmount = txs.size() == 1 ? amount : detailAmount(tx, ccy);
            if (txAmount == null) {
                scan.problem(at + "its transaction detail " + (i + 1) + " of " + txs.size()
                        + " has no amount in " + ccy + " (TxDtls/Amt or AmtDtls): the batch cannot be split");
                return List.of();
            }
            details = details.add(txAmount);
            boolean txCredit = isCreditDebit(tx.cdtDbtInd) ? "CRDT".equals(tx.cdtDbtInd.strip()) : credit;
            CamtModel.Parties parties = tx.rltdPties;
            CamtModel.Party party = parties == null ? null : Stream.of(parties.dbtr, parties.cdtr, parties.ultmtDbtr)
                    .filter(p -> p != null && p.name() != null).findFirst().orElse(null);
            CamtModel.Account partyAccount = parties == null ? null
                    : parties.dbtrAcct != null ? parties.dbtrAcct : parties.cdtrAcct;
            String e2e = tx.refs == null ? null : blank(tx.refs.endToEndId);
            String txRef = tx.refs == null ? null : first(tx.refs.acctSvcrRef, e2e);
            String reference = tx.rmtInf == null ? null : tx.rmtInf.strd.stream()
                    .map(s -> s.cdtrRefInf == null ? null : blank(s.cdtrRefInf.ref)).filter(Objects::nonNull)
                    .findFirst().orElse(null);
            String unstructured = tx.rmtInf == null || tx.rmtInf.ustrd.isEmpty() ? null
                    : blank(String.join(" ", tx.rmtInf.ustrd));
            String returnReason = tx.rtrInf == null || tx.rtrInf.rsn == null ? null
                    : blank(first(tx.rtrInf.rsn.cd, tx.rtrInf.rsn.prtry));
            out.add(new StatementEntry(key(account, booked, entryRef, txRef, i, txAmount), account, txCredit, reversal,
                    Money.of(txAmount, currency.get()), booked, value, notApplicable(e2e),
                    party == null ? null : blank(party.name()), partyAccount == null ? null : account(partyAccount),
                    remittance(reference, first(unstructured, first(blank(tx.addtlTxInf), blank(e.addtlNtryInf)))),
                    returnReason, reference));
        }
        if (details.compareTo(amount) != 0) {
            scan.warnings.add(line, 0, at + "its transaction details add up to " + details.toPlainString()
                    + ", not to the entry's " + amount.toPlainString() + " " + ccy);
        }
        return out;
    }

    /** A detail's amount in the entry's currency: its own (.04 and later), the transaction's or the instructed one. */
    private static BigDecimal detailAmount(CamtModel.Transaction tx, String currency) {
        List<Amount> candidates = new ArrayList<>();
        candidates.add(tx.amt);
        if (tx.amtDtls != null) {
            candidates.add(tx.amtDtls.txAmt == null ? null : tx.amtDtls.txAmt.amt);
            candidates.add(tx.amtDtls.instdAmt == null ? null : tx.amtDtls.instdAmt.amt);
        }
        return candidates.stream().filter(a -> a != null && a.ccy != null && currency.equals(a.ccy.strip()))
                .map(a -> decimal(a.value)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static boolean isCreditDebit(String indicator) {
        return indicator != null && ("CRDT".equals(indicator.strip()) || "DBIT".equals(indicator.strip()));
    }

    private static Optional<java.util.Currency> currency(Amount amount) {
        if (amount == null || amount.ccy == null || !amount.ccy.strip().matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.currency(amount.ccy.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A non-negative decimal with a point ("1234.5"), or null. */
    private static BigDecimal decimal(String text) {
        String s = text == null ? "" : text.strip();
        return DECIMAL.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    /** {@code Dt} (a date, perhaps with a zone) or the date of {@code DtTm}, as written. */
    private static LocalDate date(CamtModel.DateChoice choice) {
        if (choice == null) {
            return null;
        }
        String text = choice.dt != null ? choice.dt.strip() : choice.dtTm == null ? "" : choice.dtTm.strip();
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String account(CamtModel.Account account) {
        if (account == null || account.id == null) {
            return null;
        }
        String id = account.id.iban != null ? account.id.iban : account.id.othr == null ? null : account.id.othr.id;
        id = blank(id);
        return id == null ? null : id.replace(" ", "");
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * The schema check: every deviation from the version's ISO 20022 schema, with line and column, as a
     * warning. A national variant's namespace (Stuzza's .02) is checked against the ISO schema of its version;
     * a version without a schema here is read without this check, saying so.
     */
    private static StatementCheck.Warnings schemaWarnings(Path file, String namespace, String version) {
        StatementCheck.Warnings warnings = new StatementCheck.Warnings();
        if (!SCHEMA_VERSIONS.contains(version)) {
            warnings.add(1, 0, "camt.053.001." + version + " is read without a schema check: Tijdig carries the schemas of "
                    + "camt.053.001." + String.join(", .", SCHEMA_VERSIONS.stream().sorted().toList()));
            return warnings;
        }
        String canonical = PREFIX + version;
        if (!canonical.equals(namespace)) {
            warnings.add(1, 0, namespace + " is read as " + canonical);
        }
        Validator validator = schema(version).newValidator();
        try (InputStream in = renamed(file, namespace, canonical)) {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    warnings.add(e.getLineNumber(), e.getColumnNumber(), "not as the schema of camt.053.001." + version
                            + " says: " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(in));
        } catch (SAXException e) {
            // not well-formed: the scan has refused the file already
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return warnings;
    }

    /** The file with a variant's namespace replaced by the ISO one in its head (same lines, so positions hold). */
    private static InputStream renamed(Path file, String namespace, String canonical) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (canonical.equals(namespace)) {
            return in;
        }
        byte[] head = in.readNBytes(64 * 1024);
        String text = new String(head, StandardCharsets.ISO_8859_1).replace(namespace, canonical);
        return new SequenceInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), in);
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

    private static Schema schema(String version) {
        return SCHEMAS.computeIfAbsent(version, v -> {
            String file = "iso20022/camt.053.001." + v + ".xsd";
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

    /** The document without namespaces, as {@link CamtModel} is bound: an element is known by its local name. */
    private static final class Unqualified extends StreamReaderDelegate {
        Unqualified(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public String getNamespaceURI() {
            return "";
        }

        @Override
        public QName getName() {
            return new QName("", getLocalName());
        }

        @Override
        public String getPrefix() {
            return "";
        }

        @Override
        public int getNamespaceCount() {
            return 0;
        }
    }
}
