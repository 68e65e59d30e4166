package nl.tijdig.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class StatusFileTest {

    static final UUID CASE = UUID.fromString("0193a6f2-5555-7555-8555-000000000001");
    static final UUID INVOICE = UUID.fromString("0193a6f2-1111-7111-8111-000000000001");

    @Test
    void fields_with_separators_quotes_and_line_breaks_come_back_as_written() {
        List<String> fields = java.util.Arrays.asList("plain", "a;b", "say \"hi\"", "two\r\nlines", "", null, "é €");
        List<Csv.Row> rows = Csv.read(Csv.record(List.of("h1", "h2")) + Csv.record(fields));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).fields()).containsExactly("plain", "a;b", "say \"hi\"", "two\r\nlines", "", "", "é €");
    }

    @Test
    void every_status_reads_in_any_column_order_and_unknown_columns_are_ignored() {
        String file = "\uFEFFStatus;case_reference;reason;amount;report_id;value_date;invoice_id;agency_costs;partner_reference;extra\r\n"
                + "accepted;" + CASE + ";Dossier compleet;;;;;;ZUID-77;x\r\n"
                + "REJECTED;" + CASE + ";Geen verhaal;;;;;;;\r\n"
                + "IN_PROGRESS;" + CASE + ";;;;;;;;\r\n"
                + "PAYMENT_COLLECTED;" + CASE + ";;300.00;AG-1;2026-12-14;" + INVOICE + ";75.00;;\n"
                + "\r\n"
                + "CLOSED;" + CASE + ";;;;;;;;\r\n"
                + "RETURNED;" + CASE + ";Debiteur onvindbaar;;;;;;;\r\n";
        List<StatusFile.Line> lines = StatusFile.read(file);
        assertThat(lines).allMatch(l -> l instanceof StatusFile.Read);
        assertThat(lines).extracting(l -> ((StatusFile.Read) l).report()).containsExactly(
                new PartnerReport.Accepted("ZUID-77", "Dossier compleet"),
                new PartnerReport.Rejected("Geen verhaal"),
                new PartnerReport.InProgress(null),
                new PartnerReport.PaymentCollected(StatusFile.reportId("AG-1"), Money.of("300.00", "EUR"), Money.of("75.00", "EUR"),
                        LocalDate.of(2026, 12, 14), List.of(new CollectionPaymentReported.Part(new InvoiceId(INVOICE), Money.of("300.00", "EUR")))),
                new PartnerReport.Closed(null),
                new PartnerReport.Returned("Debiteur onvindbaar"));
        assertThat(lines).extracting(StatusFile.Line::line).containsExactly(2, 3, 4, 5, 7, 8);
        assertThat(lines).extracting(l -> ((StatusFile.Read) l).caseReference()).containsOnly(CASE);
    }

    @Test
    void a_record_reads_to_the_same_message_and_report_ids_each_time() {
        String record = "case_reference;status;report_id;amount;value_date\r\n" + CASE + ";PAYMENT_COLLECTED;AG-1;10.00;2026-12-14\r\n";
        StatusFile.Read once = (StatusFile.Read) StatusFile.read(record).get(0);
        StatusFile.Read again = (StatusFile.Read) StatusFile.read(record.replace(";AG-1;", "; AG-1 ;")).get(0);
        assertThat(again.messageId()).isEqualTo(once.messageId());
        assertThat(((PartnerReport.PaymentCollected) again.report()).reportId())
                .isEqualTo(((PartnerReport.PaymentCollected) once.report()).reportId());
        UUID uuid = UUID.randomUUID();
        assertThat(StatusFile.reportId(uuid.toString())).isEqualTo(uuid);
    }

    @Test
    void a_record_that_does_not_read_is_refused_naming_its_line_and_column_and_the_others_stand() {
        String file = "case_reference;status;report_id;amount;value_date;currency;reason\r\n"
                + "12345;ACCEPTED;;;;;\r\n"
                + CASE + ";PAYMENT_COLLECTED;AG-2;1.234,50;2026-12-14;;\r\n"
                + CASE + ";PAYMENT_COLLECTED;AG-3;12.00;14-12-2026;;\r\n"
                + CASE + ";PAYMENT_COLLECTED;;12.00;2026-12-14;;\r\n"
                + CASE + ";PAYMENT_COLLECTED;AG-4;12.00;2026-12-14;EURO;\r\n"
                + CASE + ";RETURNED;;;;;\r\n"
                + CASE + ";PAID;;;;;\r\n"
                + CASE + ";ACCEPTED;;;;;\r\n";
        List<StatusFile.Line> lines = StatusFile.read(file);
        assertThat(lines.subList(0, 7)).allMatch(l -> l instanceof StatusFile.Refused)
                .extracting(l -> ((StatusFile.Refused) l).field())
                .containsExactly("case_reference", "amount", "value_date", "report_id", "currency", "reason", "status");
        assertThat(lines.get(7)).isInstanceOf(StatusFile.Read.class);
        assertThat(((StatusFile.Refused) lines.get(1)).caseReference()).isEqualTo(CASE.toString());
    }

    @Test
    void a_file_without_the_required_columns_or_that_is_not_csv_is_refused_whole() {
        assertThat(StatusFile.read("reference;state\r\nx;y\r\n")).singleElement()
                .isEqualTo(new StatusFile.Refused(1, null, null, "header", "lacks the column(s) case_reference, status; expected "
                        + String.join(";", StatusFile.COLUMNS)));
        assertThat(StatusFile.read("")).singleElement().extracting(StatusFile.Line::line).isEqualTo(1);
        assertThat(StatusFile.read("case_reference;status\r\n\"open;ACCEPTED\r\n")).singleElement()
                .isEqualTo(new StatusFile.Refused(2, null, null, "file", "line 2: a quoted field is not closed"));
    }
}
