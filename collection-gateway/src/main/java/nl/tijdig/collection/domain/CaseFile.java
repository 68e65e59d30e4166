package nl.tijdig.collection.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.PostalAddress;
import nl.tijdig.kernel.Money;

/**
 * The daily case file for a batch-file agency (its contract in {@code collection-gateway/README.md}): a header, then
 * one record per invoice of each new case, the case's fields repeated on each of its records. Amounts are plain
 * decimals with a point ({@code 1113.07}), dates {@code yyyy-mm-dd}; {@code case_reference} is the collection case id,
 * the key under which the agency takes a case once, however often it is in a file.
 */
public final class CaseFile {

    public static final List<String> COLUMNS = List.of("case_reference", "dunning_case_id", "escalation_date",
            "creditor_name", "creditor_kvk", "creditor_vat_id", "creditor_iban",
            "debtor_id", "debtor_name", "debtor_segment", "debtor_kvk", "debtor_street", "debtor_postal_code", "debtor_city",
            "debtor_country", "debtor_email", "debtor_phone", "debtor_language",
            "invoice_id", "invoice_number", "invoice_date", "invoice_due_date", "invoice_principal", "invoice_open",
            "case_principal", "case_collection_costs", "case_interest", "case_total_claim", "currency", "history");

    /** A case in the file: its collection case id and its dossier. */
    public record Entry(UUID collectionCaseId, EscalatedToCollection dossier) {
    }

    private CaseFile() {
    }

    /** The file's text: the header and every case's records. */
    public static String write(List<Entry> cases) {
        StringBuilder file = new StringBuilder(Csv.record(COLUMNS));
        for (Entry entry : cases) {
            for (List<String> record : records(entry)) {
                file.append(Csv.record(record));
            }
        }
        return file.toString();
    }

    /** A case's records, one per invoice, in the order of {@link #COLUMNS}. */
    public static List<List<String>> records(Entry entry) {
        EscalatedToCollection e = entry.dossier();
        DebtorContact d = e.debtor();
        PostalAddress address = d.address();
        String history = e.history().stream().map(h -> h.date() + " " + h.description()).collect(Collectors.joining(" | "));
        List<List<String>> records = new ArrayList<>();
        for (InvoiceSummary invoice : e.invoices()) {
            records.add(java.util.Arrays.asList(entry.collectionCaseId().toString(), e.caseId().value().toString(),
                    e.escalationDate().toString(), e.creditor().name(), e.creditor().kvkNumber(), e.creditor().vatId(), e.creditor().iban(),
                    d.debtorId().value().toString(), d.name(), d.segment().name(), d.kvkNumber(),
                    address == null ? null : address.street(), address == null ? null : address.postalCode(),
                    address == null ? null : address.city(), address == null ? null : address.countryCode(), d.email(), d.phone(),
                    d.language(), invoice.invoiceId().value().toString(), invoice.invoiceNumber(), invoice.issueDate().toString(),
                    invoice.dueDate().toString(), amount(invoice.principal()), amount(invoice.open()), amount(e.principal()),
                    amount(e.collectionCosts()), amount(e.interest()), amount(e.totalClaim()), e.totalClaim().currency().getCurrencyCode(),
                    history));
        }
        return records;
    }

    /** The columns of a recall file: the cases the creditor took back. */
    public static final List<String> RECALL_COLUMNS = List.of("case_reference", "recalled_on", "reason");

    /** A case taken back, as the recall file lists it. */
    public record Recalled(UUID collectionCaseId, java.time.LocalDate recalledOn, String reason) {
    }

    /** A recall file's text: the header and one record per case taken back. */
    public static String recalls(List<Recalled> recalled) {
        StringBuilder file = new StringBuilder(Csv.record(RECALL_COLUMNS));
        recalled.forEach(r -> file.append(Csv.record(List.of(r.collectionCaseId().toString(), r.recalledOn().toString(), r.reason()))));
        return file.toString();
    }

    private static String amount(Money money) {
        return money.rounded().amount().toPlainString();
    }
}
