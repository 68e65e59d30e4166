package nl.tijdig.collection.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of the partner files: RFC 4180 with a semicolon between fields (what Dutch spreadsheets write), UTF-8,
 * CRLF after each record, a field quoted when it holds a semicolon, a quote or a line break (quotes doubled).
 */
public final class Csv {

    public static final char SEPARATOR = ';';

    private Csv() {
    }

    /** One record, with its line break. */
    public static String record(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (field.indexOf(SEPARATOR) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }

    /** A record as read, with the line it starts on (1 = the first line of the file). */
    public record Row(int line, List<String> fields) {
    }

    /** A file that cannot be read as CSV (an unclosed quote), and where. */
    public static final class Malformed extends IllegalArgumentException {

        private final int line;

        Malformed(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** The records of a file (a BOM and blank lines skipped), each with the line it starts on. */
    public static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ';' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is ignored
                }
                case '\n' -> {
                    end(rows, fields, field, any, start);
                    fields = new ArrayList<>();
                    any = false;
                    line++;
                    start = line;
                }
                default -> {
                    field.append(c);
                    any = true;
                }
            }
            i++;
        }
        if (quoted) {
            throw new Malformed(start, "a quoted field is not closed");
        }
        end(rows, fields, field, any, start);
        return rows;
    }

    private static void end(List<Row> rows, List<String> fields, StringBuilder field, boolean any, int start) {
        if (any || field.length() > 0) {
            fields.add(field.toString());
            if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                rows.add(new Row(start, List.copyOf(fields)));
            }
        }
        field.setLength(0);
    }
}
