package nl.tijdig.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    @Test
    void an_invoice_whose_totals_do_not_add_up_cannot_be_issued() {
        InvoiceIssued valid = EventExamples.event(InvoiceIssued.class);
        assertThatThrownBy(() -> new InvoiceIssued(valid.tenantId(), valid.invoiceId(), valid.invoiceNumber(),
                valid.debtor(), valid.issueDate(), valid.dueDate(), Money.eur("1000"), Money.eur("210"),
                Money.eur("1209.99"), null, valid.occurredAt()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not totalExclVat");
    }

    @Test
    void a_payment_whose_allocations_do_not_add_up_is_refused() {
        PaymentReceived valid = EventExamples.event(PaymentReceived.class);
        assertThatThrownBy(() -> new PaymentReceived(valid.tenantId(), valid.paymentId(), valid.debtorId(),
                Money.eur("600"), valid.valueDate(), valid.source(), null, null, null, valid.allocations(),
                Money.eur("0"), valid.occurredAt()))
                .hasMessageContaining("differ from amount");
    }

    @Test
    void a_reminder_needs_a_channel_and_an_invoice() {
        ReminderDue valid = EventExamples.event(ReminderDue.class);
        assertThatThrownBy(() -> new ReminderDue(valid.tenantId(), valid.caseId(), valid.reminderId(), 1, valid.kind(),
                List.of(), valid.debtor(), valid.creditor(), valid.invoices(), valid.totalOpen(),
                valid.collectionCosts(), valid.interest(), valid.totalDue(), null, null, valid.letterDate(), 7,
                valid.occurredAt()))
                .hasMessage("channels must not be empty");
    }
}
