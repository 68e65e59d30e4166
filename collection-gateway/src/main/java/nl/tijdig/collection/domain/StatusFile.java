package nl.tijdig.collection.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;

/**
 * A batch-file agency's status file (its contract in {@code collection-gateway/README.md}): a header naming the
 * columns (in any order; unknown ones ignored), then one status per record — the statuses of the REST callbacks.
 * Each record is read on its own: a record that does not read is refused with its line and field, the others
 * stand. A record's message id is a digest of its fields, so a file imported twice applies each record once.
 */
public final class StatusFile {

    public static final List<String> COLUMNS = List.of("case_reference", "status", "partner_reference", "report_id", "amount",
            "agency_costs", "currency", "value_date", "invoice_id", "reason");
    static final List<String> REQUIRED = List.of("case_reference", "status");
    public static final List<String> STATUSES = List.of("ACCEPTED", "REJECTED", "IN_PROGRESS", "PAYMENT_COLLECTED", "CLOSED", "RETURNED");

    /** A record of the file: read, or refused. */
    public sealed interface Line {
        int line();
    }

    /** A record read: the case it is about and what it reports; {@code messageId} makes it count once. */
    public record Read(int line, String messageId, UUID caseReference, String status, PartnerReport report) implements Line {
    }

    /** A record that does not read, and why (naming the column). */
    public record Refused(int line, String caseReference, String status, String field, String reason) implements Line {
    }

    private StatusFile() {
    }

    /**
     * The file's records, or a refusal of the whole file (as one Refused on line 1) when its header lacks a required
     * column or it is not CSV.
     */
    public static List<Line> read(String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.Malformed e) {
            return List.of(new Refused(e.line(), null, null, "file", e.getMessage()));
        }
        if (rows.isEmpty()) {
            return List.of(new Refused(1, null, null, "file", "is empty: a header is required (" + String.join(";", COLUMNS) + ")"));
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            return List.of(new Refused(rows.get(0).line(), null, null, "header", "lacks the column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(";", COLUMNS)));
        }
        Map<String, Integer> index = IntStream.range(0, header.size()).boxed()
                .collect(Collectors.toMap(header::get, i -> i, (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            lines.add(line(row, index));
        }
        return lines;
    }

    private static Line line(Csv.Row row, Map<String, Integer> index) {
        Fields f = new Fields(row, index);
        String reference = f.get("case_reference");
        String status = f.get("status") == null ? null : f.get("status").toUpperCase(java.util.Locale.ROOT);
        try {
            UUID caseReference = f.uuid("case_reference", true);
            String reason = f.get("reason");
            PartnerReport report = switch (status == null ? "" : status) {
                case "ACCEPTED" -> new PartnerReport.Accepted(f.get("partner_reference"), reason);
                case "REJECTED" -> new PartnerReport.Rejected(f.required("reason"));
                case "IN_PROGRESS" -> new PartnerReport.InProgress(reason);
                case "PAYMENT_COLLECTED" -> {
                    Money amount = f.money("amount", true);
                    String invoice = f.get("invoice_id");
                    List<CollectionPaymentReported.Part> parts = invoice == null ? List.of()
                            : List.of(new CollectionPaymentReported.Part(new InvoiceId(f.uuid("invoice_id", true)), amount));
                    yield new PartnerReport.PaymentCollected(reportId(f.required("report_id")), amount, f.money("agency_costs", false),
                            f.date("value_date"), parts);
                }
                case "CLOSED" -> new PartnerReport.Closed(reason);
                case "RETURNED" -> new PartnerReport.Returned(f.required("reason"));
                default -> throw new Wrong("status", "must be one of " + String.join(", ", STATUSES));
            };
            return new Read(row.line(), messageId(row.fields()), caseReference, status, report);
        } catch (Wrong wrong) {
            return new Refused(row.line(), reference, status, wrong.field, wrong.getMessage());
        }
    }

    /** The report's id: the agency's own when it is a UUID, else one derived from it (the same text, the same id). */
    static UUID reportId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("report:" + text).getBytes(StandardCharsets.UTF_8));
        }
    }

    static String messageId(List<String> fields) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u001f", fields.stream().map(String::trim).toList())
                    .getBytes(StandardCharsets.UTF_8));
            return "file:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Wrong extends RuntimeException {
        final String field;

        Wrong(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private record Fields(Csv.Row row, Map<String, Integer> index) {

        String get(String column) {
            Integer i = index.get(column);
            if (i == null || i >= row.fields().size()) {
                return null;
            }
            String value = row.fields().get(i).trim();
            return value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = get(column);
            if (value == null) {
                throw new Wrong(column, "is required for this status");
            }
            if (value.length() > 500) {
                throw new Wrong(column, "must be at most 500 characters");
            }
            return value;
        }

        UUID uuid(String column, boolean required) {
            String value = get(column);
            if (value == null) {
                if (required) {
                    throw new Wrong(column, "is required");
                }
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new Wrong(column, "is not a UUID");
            }
        }

        Money money(String column, boolean required) {
            String value = get(column);
            if (value == null) {
                if (required) {
                    throw new Wrong(column, "is required for this status");
                }
                return null;
            }
            if (!value.matches("-?\\d{1,15}(\\.\\d{1,2})?")) {
                throw new Wrong(column, "must be an amount like 1234.50 (a point before the cents, no thousands separator)");
            }
            String currency = get("currency") == null ? "EUR" : get("currency");
            try {
                return Money.of(new BigDecimal(value), Money.currency(currency));
            } catch (IllegalArgumentException e) {
                throw new Wrong("currency", "is not an ISO 4217 currency");
            }
        }

        LocalDate date(String column) {
            String value = get(column);
            if (value == null) {
                throw new Wrong(column, "is required for this status (yyyy-mm-dd)");
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new Wrong(column, "must be a date, yyyy-mm-dd");
            }
        }
    }
}
