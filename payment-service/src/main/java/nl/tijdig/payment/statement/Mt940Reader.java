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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementEntry;

/**
 * Reads MT940 statements as Dutch banks export them — with SWIFT blocks ({@code {1:}{2:}{4: ... -}},
 * ING) or without ({@code :940:} then {@code :20:} per statement, Rabobank), several statements in one
 * file — with Prowide Core parsing the MT structure and each {@code :61:} field. The {@code :86:}
 * information uses the banks' SEPA layout of {@code /TAG/value} subfields ({@code /EREF/},
 * {@code /CNTP/iban/bic/name/}, {@code /NAME/}, {@code /REMI/USTD//text} or {@code /REMI/STRD/CUR/ref},
 * {@code /RTRN/reason/}), which a small reader here takes apart.
 */
public final class Mt940Reader {

    private static final Pattern BLOCK4 = Pattern.compile("\\{4:\\s*\\n(.*?)\\n-\\}", Pattern.DOTALL);
    private static final String WRAPPER = "{1:F01TIJDIGNLXAXXX0000000000}{2:I940TIJDIGNLXAXXXN}{4:\n%s\n-}";

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
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace('\r', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = statements(text);
        if (statements.isEmpty()) {
            throw new StatementFormatException(List.of("no MT940 statement (:20: ... :62F:) in the file"));
        }
        List<StatementEntry> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int s = 0; s < statements.size(); s++) {
            try {
                all.addAll(entries(statements.get(s)));
            } catch (RuntimeException e) {
                problems.add("statement " + (s + 1) + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new StatementFormatException(problems);
        }
        all.forEach(sink);
        return all.size();
    }

    /** The text of each statement (block 4 contents). */
    static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        Matcher blocks = BLOCK4.matcher(text);
        while (blocks.find()) {
            statements.add(blocks.group(1));
        }
        if (!statements.isEmpty()) {
            return statements;
        }
        String body = text.replaceFirst("^\\s*:940:\\s*\\n", "");
        StringBuilder current = null;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith(":20:")) {
                if (current != null) {
                    statements.add(current.toString().strip());
                }
                current = new StringBuilder();
            }
            if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static List<StatementEntry> entries(String statement) {
        SwiftMessage message = MT940.parse(WRAPPER.formatted(statement)).getSwiftMessage();
        if (message == null || message.getBlock4() == null) {
            throw new IllegalArgumentException("not an MT940 statement");
        }
        MT940 mt = new MT940(message);
        Field25 field25 = mt.getField25();
        if (field25 == null) {
            throw new IllegalArgumentException("no account (:25:)");
        }
        String account = field25.getAccount().strip().split("\\s+")[0].replaceFirst("^([A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}?)(EUR|USD|GBP|CHF)$", "$1");
        String reference = mt.getField20() == null ? "" : mt.getField20().getValue();
        String currency = mt.getField60F() != null && mt.getField60F().getCurrency() != null
                ? mt.getField60F().getCurrency() : "EUR";
        List<StatementEntry> entries = new ArrayList<>();
        List<Tag> tags = message.getBlock4().getTags();
        for (int i = 0; i < tags.size(); i++) {
            if (!"61".equals(tags.get(i).getName())) {
                continue;
            }
            Field61 line = new Field61(tags.get(i).getValue());
            String info = i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName()) ? tags.get(i + 1).getValue() : "";
            entries.add(entry(account, currency, reference, entries.size(), line, info));
        }
        return entries;
    }

    private static StatementEntry entry(String account, String currency, String statementRef, int index, Field61 line,
            String info) {
        String mark = line.getDebitCreditMark();
        if (mark == null || line.getAmountAsBigDecimal() == null || line.getValueDateAsCalendar() == null) {
            throw new IllegalArgumentException("entry " + (index + 1) + ": a :61: line without date, mark or amount");
        }
        boolean reversal = mark.startsWith("R");
        boolean credit = mark.endsWith("C");
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
        return new StatementEntry(key, account, credit, reversal, Money.of(amount, Money.currency(currency)),
                booked, value, blank(sub.get("EREF")), counterpartyName, counterpartyIban, remittance, returnReason);
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
