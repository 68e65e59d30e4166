package nl.tijdig.invoice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import org.junit.jupiter.api.Test;

class InvoiceEventsTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void a_debtor_registered_and_updated_evolves_to_the_last_data_published() {
        // given a debtor registered and then updated with a new email
        Debtor first = IssueInvoiceDeciderTest.BAKERY;
        Debtor moved = new Debtor(first.id(), first.kind(), first.name(), first.address(), first.kvkNumber(), first.vatId(),
                "boekhouding@goudenkorst.nl", first.language(), first.iban(), first.segment(), first.termDays());
        List<InvoiceEvent> stream = List.of(InvoiceEvents.registered(TENANT, first, AT), InvoiceEvents.updated(TENANT, moved, AT));

        // when the stream is folded
        Debtor debtor = null;
        for (InvoiceEvent event : stream) {
            debtor = InvoiceEvents.evolve(debtor, event);
        }

        // then the debtor is the updated one, as it was decided
        assertThat(debtor).isEqualTo(moved);
    }

    @Test
    void an_invoice_evolves_from_its_issue_through_a_credit_note_to_its_cancellation() {
        // given an invoice of 10 × € 45.50 at 21 % (€ 550.55)
        IssueInvoice command = IssueInvoiceDeciderTest.command(IssueInvoiceDeciderTest.BAKERY,
                List.of(IssueInvoiceDeciderTest.line("10", "45.50", VatRate.STANDARD)));
        IssuedInvoice issued = IssueInvoiceDecider.issue(command, IssueInvoiceDeciderTest.PROFILE, IssueInvoiceDeciderTest.BAKERY,
                "2026-000042", "5000056789012345");

        // when it is credited € 121.00 (€ 21.00 VAT) and then cancelled
        InvoiceEvents.Invoice invoice = InvoiceEvents.evolve((InvoiceEvents.Invoice) null, InvoiceEvents.issued(TENANT, issued, AT));
        invoice = InvoiceEvents.evolve(invoice, InvoiceEvents.credited(TENANT, issued.invoiceId(), new InvoiceId(UUID.randomUUID()),
                "C-1", new CreditNoteDecider.Credit(Money.eur("121.00"), Money.eur("21.00")), LocalDate.of(2026, 11, 30), "te veel",
                AT));
        InvoiceEvents.Invoice credited = invoice;
        invoice = InvoiceEvents.evolve(invoice, InvoiceEvents.cancelled(TENANT, issued.invoiceId(), "vervallen",
                LocalDate.of(2026, 12, 1), AT));

        // then the credit note took its part off, and the cancellation leaves nothing to pay
        assertThat(credited.issued().totalInclVat()).isEqualTo(Money.eur("550.55"));
        assertThat(credited.state().principalLeft()).isEqualTo(Money.eur("429.55"));
        assertThat(credited.state().status()).isEqualTo("PARTIALLY_CREDITED");
        assertThat(invoice.state().status()).isEqualTo("CANCELLED");
        assertThat(invoice.state().principalLeft()).isEqualTo(Money.eur("0.00"));
    }

    @Test
    void the_creditor_profile_is_the_last_one_published_with_vat_deductible_unless_it_says_not() {
        // given the profile published
        CreditorProfile profile = IssueInvoiceDeciderTest.PROFILE;

        // when it is folded back
        CreditorProfile back = InvoiceEvents.evolve((CreditorProfile) null, InvoiceEvents.profileUpdated(TENANT, profile, AT));

        // then it is the same profile
        assertThat(back).isEqualTo(profile);
        assertThat(back.vatDeductible()).isTrue();
    }
}
