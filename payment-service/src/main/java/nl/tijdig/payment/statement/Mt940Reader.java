package nl.tijdig.payment.statement;

import com.prowidesoftware.swift.model.SwiftMessage;
import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;

/**
 * Reads MT940 statements as Dutch banks export them — with SWIFT blocks ({@code {1:}{2:}{4: ... -}},
 * ING, Knab) or without ({@code :940:} then {@code :20:} per statement, Rabobank; ABN AMRO's BIC and
 * {@code 940} lines), several statements in one file — with Prowide Core parsing the MT structure and each
 * {@code :61:} field. The {@code :86:} information uses the banks' SEPA layout of {@code /TAG/value}
 * subfields ({@code /EREF/}, {@code /CNTP/iban/bic/name/}, {@code /NAME/}, {@code /REMI/USTD//text} or
 * {@code /REMI/STRD/CUR/ref}, {@code /RTRN/reason/}), which a small reader here takes apart.
 *
 * <p>A file that is cut off or damaged is refused whole, naming the line: a SWIFT message without its
 * closing {@code -}}, a statement without its closing balance ({@code :62F:} or {@code :62M:}), a line
 * before the first statement that is no header, a field tag MT940 does not have. Each statement's opening
 * and closing balance are checked against its entries ({@code C} and {@code RD} add, {@code D} and
 * {@code RC} subtract); a difference is a warning on the import.
 */
public final class Mt940Reader {

    private static final String WRAPPER = "{1:F01TIJDIGNLXAXXX0000000000}{2:I940TIJDIGNLXAXXXN}{4:\n%s\n-}";
    private static final Pattern TAG = Pattern.compile("^:([0-9A-Za-z]{1,4}):");
    private static final Set<String> TAGS = Set.of("20", "21", "25", "25P", "28", "28C", "60F", "60M", "61", "86", "62F",
            "62M", "64", "65", "13", "13D", "34F", "90D", "90C", "NS");
    /** Lines a file may have before its first statement: a header, a BIC (ABN AMRO), the message type. */
    private static final Pattern HEADER = Pattern.compile(":940:|940|[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?|0000 .*|\\s*");
    private static final Pattern BALANCE = Pattern.compile("([CD])([0-9]{6})([A-Z]{3})([0-9]{1,15}(,[0-9]*)?)");

    private Mt940Reader() {
    }

    /** Whether the text looks like MT940: a {@code :20:} and a {@code :25:} or {@code :61:} tag. */
    public static boolean isMt940(String text) {
        return text.contains(":20:") && (text.contains(":25:") || text.contains(":61:"));
    }

    /** Parses the whole file; every statement that cannot be read is named. */
    public static List<StatementEntry> read(Path file) {
        List<StatementEntry> entries = new ArrayList<>();
        read(file, entries::add);
        return entries;
    }

    /** Reads every statement of the file, giving each entry to {@code sink}; returns how many. */
    public static long read(Path file, Consumer<StatementEntry> sink) {
        Parsed parsed = parse(file);
        parsed.entries.forEach(sink);
        return parsed.entries.size();
    }

    /** Reads the whole file without importing it: refused, or its entries, warnings and balance checks. */
    public static StatementCheck check(Path file) {
        Parsed parsed = parse(file);
        return new StatementCheck("MT940", parsed.entries.size(), parsed.warnings.list(), parsed.balances);
    }

    /** A statement's text and the line of the file it starts on. */
    record Part(String text, int line) {
    }

    private static final class Parsed {
        final List<StatementEntry> entries = new ArrayList<>();
        final StatementCheck.Warnings warnings = new StatementCheck.Warnings();
        final List<StatementCheck.BalanceCheck> balances = new ArrayList<>();
    }

    private static Parsed parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        List<Part> statements = statements(text, problems);
        if (statements.isEmpty() && problems.isEmpty()) {
            problems.add("no MT940 statement (:20: ... :62F:) in the file");
        }
        Parsed parsed = new Parsed();
        for (int s = 0; s < statements.size(); s++) {
            Part part = statements.get(s);
            String name = "statement " + (s + 1) + " (line " + part.line() + ")";
            int before = problems.size();
            tags(part, name, problems);
            if (problems.size() > before) {
                continue;
            }
            try {
                entries(part, name, parsed);
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StatementFormatException(problems.size() > 20 ? problems.subList(0, 20) : problems);
        }
        return parsed;
    }

    /** The statements of the text; a message cut off or a line that is no header is a problem. */
    static List<Part> statements(String text, List<String> problems) {
        List<Part> statements = new ArrayList<>();
        if (text.contains("{1:") || text.contains("{4:")) {
            List<Integer> starts = new ArrayList<>();
            for (int i = text.indexOf("{1:"); i >= 0; i = text.indexOf("{1:", i + 3)) {
                starts.add(i);
            }
            if (starts.isEmpty() || !text.substring(0, starts.get(0)).isBlank()) {
                starts.add(0, 0);
            }
            for (int m = 0; m < starts.size(); m++) {
                int from = starts.get(m);
                int to = m + 1 < starts.size() ? starts.get(m + 1) : text.length();
                String message = text.substring(from, to);
                int line = lineOf(text, from);
                int body = message.indexOf("{4:");
                if (body < 0) {
                    problems.add("message " + (m + 1) + " (line " + line + ") has no text block ({4:)");
                    continue;
                }
                Matcher closing = CLOSE.matcher(message);
                int end = closing.find(body) ? closing.start() : -1;
                if (end < 0) {
                    problems.add("message " + (m + 1) + " (line " + line + ") ends without its closing -}"
                            + (to < text.length() ? " before the next message starts at line " + lineOf(text, to) : "")
                            + ": it is cut off, and nothing of the file is imported");
                    continue;
                }
                int bodyStart = message.indexOf('\n', body);
                String block = bodyStart < 0 || bodyStart >= end ? "" : message.substring(bodyStart + 1, end);
                split(block, lineOf(text, from + bodyStart + 1), statements, problems, false);
            }
            return statements;
        }
        split(text, 1, statements, problems, true);
        return statements;
    }

    /** The statements ({@code :20:} onwards) of a text starting at {@code firstLine}. */
    private static void split(String text, int firstLine, List<Part> statements, List<String> problems, boolean header) {
        StringBuilder current = null;
        int start = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(":20:")) {
                if (current != null) {
                    statements.add(new Part(current.toString().strip(), start));
                }
                current = new StringBuilder();
                start = firstLine + i;
            }
            if (current != null) {
                if (!line.strip().equals("-")) { // a message's end, without the SWIFT blocks
                    current.append(line).append('\n');
                }
            } else if (!(header ? HEADER : BLANK).matcher(line.strip()).matches()) {
                problems.add("line " + (firstLine + i) + ": '" + shorten(line) + "' is no MT940 header (:940:) "
                        + "and no statement (:20:): the file is damaged");
            }
        }
        if (current != null) {
            statements.add(new Part(current.toString().strip(), start));
        }
    }

    /** The end of a SWIFT message's text block: a line "-" and "}" (ING breaks it over two lines). */
    private static final Pattern CLOSE = Pattern.compile("\\n-\\s*}");
    private static final Pattern BLANK = Pattern.compile("\\s*");

    /** Every field tag is one MT940 has; the account and the closing balance are there. */
    private static void tags(Part part, String name, List<String> problems) {
        boolean account = false;
        boolean closing = false;
        String[] lines = part.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher tag = TAG.matcher(lines[i]);
            if (!tag.find()) {
                continue;
            }
            String t = tag.group(1);
            if (!TAGS.contains(t)) {
                problems.add("line " + (part.line() + i) + ": ':" + t + ":' is not an MT940 field: the file is damaged");
            }
            account |= t.equals("25") || t.equals("25P");
            closing |= t.equals("62F") || t.equals("62M");
        }
        if (!account) {
            problems.add(name + " has no account (:25:)");
        }
        if (!closing) {
            problems.add(name + " has no closing balance (:62F:): it is cut off, and nothing of the file is imported");
        }
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String shorten(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }

    private static void entries(Part part, String name, Parsed parsed) {
        SwiftMessage message = MT940.parse(WRAPPER.formatted(part.text())).getSwiftMessage();
        if (message == null || message.getBlock4() == null) {
            throw new IllegalArgumentException("not an MT940 statement");
        }
        MT940 mt = new MT940(message);
        Field25 field25 = mt.getField25();
        if (field25 == null || field25.getAccount() == null || field25.getAccount().isBlank()) {
            throw new IllegalArgumentException("no account (:25:)");
        }
        String account = field25.getAccount().strip().split("\\s+")[0].replaceFirst("^([A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}?)(EUR|USD|GBP|CHF)$", "$1");
        String reference = mt.getField20() == null ? "" : mt.getField20().getValue();
        List<Tag> tags = message.getBlock4().getTags();
        Optional<String[]> opening = balance(tags, "60F", "60M");
        Optional<String[]> closing = balance(tags, "62F", "62M");
        String currency = opening.or(() -> closing).map(b -> b[2]).orElseThrow(() ->
                new IllegalArgumentException("its balances (:60F:, :62F:) cannot be read, so neither can its currency"));
        Currency unit;
        try {
            unit = Money.currency(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency");
        }
        List<StatementEntry> entries = new ArrayList<>();
        BigDecimal booked = BigDecimal.ZERO;
        for (int i = 0; i < tags.size(); i++) {
            if (!"61".equals(tags.get(i).getName())) {
                continue;
            }
            Field61 line = new Field61(tags.get(i).getValue());
            String info = i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName()) ? tags.get(i + 1).getValue() : "";
            StatementEntry entry = entry(account, unit, reference, entries.size(), line, info);
            entries.add(entry);
            booked = booked.add(entry.credit() ? entry.amount().amount() : entry.amount().amount().negate());
        }
        parsed.entries.addAll(entries);
        if (opening.isEmpty() || closing.isEmpty()) {
            parsed.warnings.add(part.line(), 0, name + ": its " + (opening.isEmpty() ? "opening (:60F:)" : "closing (:62F:)")
                    + " balance cannot be read: its entries are not checked against its balances");
            return;
        }
        if (!opening.get()[2].equals(closing.get()[2])) {
            return;
        }
        StatementCheck.BalanceCheck check = StatementCheck.BalanceCheck.of(reference.isBlank() ? name : reference, account,
                currency, amount(opening.get()), amount(closing.get()), booked);
        parsed.balances.add(check);
        if (!check.matches()) {
            parsed.warnings.add(part.line(), 0, name + ": the balances go from " + check.opening().toPlainString() + " to "
                    + check.closing().toPlainString() + " " + currency + ", but the entries add up to "
                    + check.booked().toPlainString() + ": a difference of " + check.difference().toPlainString()
                    + "; entries are missing from the file");
        }
    }

    /** The first balance field of the given tags as mark, date, currency, amount; empty when unreadable. */
    private static Optional<String[]> balance(List<Tag> tags, String... names) {
        for (String name : names) {
            for (Tag tag : tags) {
                if (name.equals(tag.getName())) {
                    Matcher m = BALANCE.matcher(tag.getValue().strip());
                    return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)})
                            : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static BigDecimal amount(String[] balance) {
        String digits = balance[3].replace(',', '.');
        BigDecimal amount = new BigDecimal(digits.endsWith(".") ? digits + "0" : digits);
        return "D".equals(balance[0]) ? amount.negate() : amount;
    }

    private static StatementEntry entry(String account, Currency currency, String statementRef, int index, Field61 line,
            String info) {
        String mark = line.getDebitCreditMark();
        if (mark == null || line.getAmountAsBigDecimal() == null || line.getValueDateAsCalendar() == null) {
            throw new IllegalArgumentException("entry " + (index + 1) + ": a :61: line without date, mark or amount");
        }
        // RC: a credit reversed, so money goes out; RD: a debit reversed, so money comes back
        boolean reversal = mark.startsWith("R");
        boolean credit = mark.equals("C") || mark.equals("RD");
        LocalDate value = date(line.getValueDateAsCalendar());
        LocalDate booked = line.getEntryDateAsCalendar() == null ? value : booked(value, line.getEntryDateAsCalendar());
        BigDecimal amount = line.getAmountAsBigDecimal();
        Map<String, String> sub = subfields(info.replace("\n", ""));
        String counterpartyIban = null;
        String counterpartyName = null;
        if (sub.containsKey("CNTP")) {
            String[] parts = sub.get("CNTP").split("/", -1);
            counterpartyIban = parts.length > 0 ? blank(parts[0]) : null;
            counterpartyName = parts.length > 2 ? blank(parts[2]) : null;
        }
        if (counterpartyName == null) {
            counterpartyName = blank(sub.get("NAME"));
        }
        String details = line.getSupplementaryDetails() == null ? "" : line.getSupplementaryDetails().strip();
        if (counterpartyIban == null && details.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
            counterpartyIban = details;
        }
        String remittance = blank(sub.get("REMI"));
        String structured = remittance == null || !remittance.startsWith("STRD/") ? null
                : blank(remittance.replaceFirst("^STRD/(CUR|ISO)?/?", "").replaceAll("/+$", ""));
        if (remittance != null) {
            remittance = remittance.replaceFirst("^USTD//", "").replaceFirst("^STRD/CUR/", "").replaceAll("/+$", "");
        }
        if (remittance == null && sub.isEmpty()) {
            remittance = blank(info.replace("\n", " "));
        }
        String returnReason = sub.containsKey("RTRN") ? blank(sub.get("RTRN").split("/")[0]) : null;
        String ownRef = line.getReferenceForTheAccountOwner();
        String bankRef = line.getReferenceOfTheAccountServicingInstitution();
        String refs = (ownRef == null || "NONREF".equals(ownRef) ? "" : ownRef) + "/" + (bankRef == null ? "" : bankRef);
        String key = account + "|" + booked + "|" + statementRef + "|" + refs + "|" + index + "|"
                + amount.stripTrailingZeros().toPlainString();
        return new StatementEntry(key, account, credit, reversal, Money.of(amount, currency),
                booked, value, blank(sub.get("EREF")), counterpartyName, counterpartyIban, remittance, returnReason,
                structured);
    }

    /**
     * The {@code /TAG/value} subfields of a :86: line: known tags only, so a slash inside a value (a
     * name, a remittance) does not start a new subfield.
     */
    static Map<String, String> subfields(String info) {
        Pattern tag = Pattern.compile("/(EREF|PREF|MARF|CSID|CNTP|REMI|RTRN|BENM|ORDP|NAME|ADDR|ISDT|IBAN|BIC|SUM|PURP|ULTC|ULTD|EXCH|CHGS)/");
        Map<String, String> subfields = new LinkedHashMap<>();
        Matcher m = tag.matcher(info);
        String name = null;
        int start = 0;
        while (m.find()) {
            if (name != null) {
                subfields.putIfAbsent(name, info.substring(start, m.start()).replaceAll("/+$", ""));
            }
            name = m.group(1);
            start = m.end();
        }
        if (name != null) {
            subfields.putIfAbsent(name, info.substring(start).replaceAll("/+$", ""));
        }
        return subfields;
    }

    private static LocalDate date(Calendar c) {
        return LocalDate.of(c.get(Calendar.YEAR), c.get(Calendar.MONTH) + 1, c.get(Calendar.DAY_OF_MONTH));
    }

    /** The entry date (MMDD) in the year that puts it nearest the value date. */
    private static LocalDate booked(LocalDate value, Calendar entry) {
        LocalDate same = LocalDate.of(value.getYear(), entry.get(Calendar.MONTH) + 1, entry.get(Calendar.DAY_OF_MONTH));
        if (same.isAfter(value.plusMonths(6))) {
            return same.minusYears(1);
        }
        return same.isBefore(value.minusMonths(6)) ? same.plusYears(1) : same;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
