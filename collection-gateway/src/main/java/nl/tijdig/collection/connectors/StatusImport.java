package nl.tijdig.collection.connectors;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import nl.tijdig.collection.domain.Csv;
import nl.tijdig.collection.domain.StatusFile;
import nl.tijdig.collection.store.Partners;
import nl.tijdig.collection.store.Reports;

/**
 * Imports a batch-file agency's status file (from its folder, or uploaded by the tenant): each record applied on its
 * own, once (its message id a digest of its fields), and its outcome reported line by line — so a file with a bad
 * record applies the others, and the bad one can be corrected and sent again.
 */
@ApplicationScoped
public class StatusImport {

    /** What became of one record. {@code result}: APPLIED, DUPLICATE, UNKNOWN_CASE or REFUSED. */
    public record LineResult(int line, String caseReference, String status, String result, String field, String reason) {
    }

    /** What became of a file. */
    public record Result(int applied, int duplicates, int refused, List<LineResult> lines) {

        static Result of(List<LineResult> lines) {
            return new Result(count(lines, "APPLIED"), count(lines, "DUPLICATE"),
                    (int) lines.stream().filter(l -> l.result().equals("REFUSED") || l.result().equals("UNKNOWN_CASE")).count(), lines);
        }

        private static int count(List<LineResult> lines, String result) {
            return (int) lines.stream().filter(l -> l.result().equals(result)).count();
        }

        /** Whether the file could not be read at all (its header, its CSV). */
        public boolean unreadable() {
            return lines.size() == 1 && lines.get(0).caseReference() == null && lines.get(0).field() != null
                    && List.of("file", "header").contains(lines.get(0).field());
        }

        /** The result as a CSV file beside the imported one. */
        public String csv() {
            StringBuilder out = new StringBuilder(Csv.record(List.of("line", "case_reference", "status", "result", "field", "reason")));
            lines.forEach(l -> out.append(Csv.record(java.util.Arrays.asList(Integer.toString(l.line()), l.caseReference(), l.status(),
                    l.result(), l.field(), l.reason()))));
            return out.toString();
        }
    }

    @Inject
    Reports reports;

    public Uni<Result> importText(Partners.Connection partner, String text) {
        return Multi.createFrom().iterable(StatusFile.read(text))
                .onItem().transformToUniAndConcatenate(line -> apply(partner, line))
                .collect().asList().map(Result::of);
    }

    private Uni<LineResult> apply(Partners.Connection partner, StatusFile.Line line) {
        return switch (line) {
            case StatusFile.Refused r -> Uni.createFrom().item(new LineResult(r.line(), r.caseReference(), r.status(), "REFUSED",
                    r.field(), r.reason()));
            case StatusFile.Read read -> reports.apply(partner, read.messageId(), read.caseReference(), read.report())
                    .map(outcome -> result(read, outcome));
        };
    }

    private static LineResult result(StatusFile.Read read, Reports.Outcome outcome) {
        String reference = read.caseReference().toString();
        return switch (outcome) {
            case Reports.Applied applied -> new LineResult(read.line(), reference, read.status(), "APPLIED", null, null);
            case Reports.Duplicate duplicate -> new LineResult(read.line(), reference, read.status(), "DUPLICATE", null,
                    "imported before");
            case Reports.Unknown unknown -> new LineResult(read.line(), reference, read.status(), "UNKNOWN_CASE", "case_reference",
                    "no case of this agency");
            case Reports.Refused refused -> new LineResult(read.line(), reference, read.status(), "REFUSED", column(refused.field()),
                    refused.reason());
        };
    }

    /** The domain's field as the file's column. */
    private static String column(String field) {
        return switch (field) {
            case "agencyCosts" -> "agency_costs";
            case "valueDate" -> "value_date";
            case "invoices" -> "invoice_id";
            default -> field.startsWith("invoices[") ? (field.endsWith("amount") ? "amount" : "invoice_id") : field;
        };
    }
}
