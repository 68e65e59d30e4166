package nl.tijdig.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.PaymentEvent;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.events.PaymentUnmatched;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.decider.DeciderSpec;
import org.junit.jupiter.api.Test;

class PaymentDeciderTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final PaymentId PAYMENT = new PaymentId(UUID.randomUUID());
    private static final DebtorId BAKERY = new DebtorId(UUID.randomUUID());
    private static final InvoiceId INVOICE = new InvoiceId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final LocalDate VALUE = LocalDate.of(2026, 12, 4);
    private static final IncomingPayment TRANSFER = new IncomingPayment(Money.eur("150.00"), VALUE, "Bakkerij De Gouden Korst",
            "NL91ABNA0417164300", "2026-000042", null);
    /** € 150 on an invoice of € 121.00, € 29.00 left as credit; the invoice paid in full. */
    private static final Match.Matched MATCHED = new Match.Matched(Match.Rule.INVOICE_NUMBER, BAKERY,
            List.of(new Match.Allocation(INVOICE, Money.eur("121.00"), Money.eur("0.00"), null)), Money.eur("29.00"));

    private final DeciderSpec<PaymentDecider.Command, PaymentDecider.State, PaymentEvent> spec = DeciderSpec.of(PaymentDecider.INSTANCE);

    private static PaymentReceived received() {
        return new PaymentReceived(TENANT, PAYMENT, BAKERY, Money.eur("150.00"), VALUE, PaymentReceived.Source.BANK_STATEMENT,
                "Bakkerij De Gouden Korst", "NL91ABNA0417164300", "2026-000042",
                List.of(new Allocation(INVOICE, Money.eur("121.00"), Money.eur("0.00"), null)), Money.eur("29.00"), AT);
    }

    @Test
    void a_matched_payment_is_received_with_its_allocations_and_credit() {
        spec.given()
                .when(new PaymentDecider.Receive(TENANT, PAYMENT, TRANSFER, PaymentReceived.Source.BANK_STATEMENT, MATCHED, AT))
                .then(received());
    }

    @Test
    void an_unmatched_payment_waits_and_is_received_once_staff_allocate_it_but_not_twice() {
        PaymentUnmatched unmatched = new PaymentUnmatched(TENANT, PAYMENT, Money.eur("150.00"), VALUE,
                PaymentReceived.Source.BANK_STATEMENT, "Bakkerij De Gouden Korst", "NL91ABNA0417164300", "2026-000042",
                "no rule placed it", AT);
        spec.given().when(new PaymentDecider.LeaveUnmatched(TENANT, PAYMENT, TRANSFER, PaymentReceived.Source.BANK_STATEMENT,
                "no rule placed it", AT)).then(unmatched);
        spec.given(unmatched).when(new PaymentDecider.Receive(TENANT, PAYMENT, TRANSFER, PaymentReceived.Source.BANK_STATEMENT,
                MATCHED, AT)).then(received());
        spec.given(unmatched, received()).when(new PaymentDecider.Receive(TENANT, PAYMENT, TRANSFER,
                PaymentReceived.Source.BANK_STATEMENT, MATCHED, AT)).thenRefused("status");
    }

    @Test
    void a_reversal_opens_again_what_the_payment_paid_on_top_of_what_is_open_now_once() {
        // given a received payment, and since then € 10.00 of the invoice opened again by something else
        var given = spec.given(received());

        // when the bank reverses it
        List<PaymentEvent> events = given.when(new PaymentDecider.Reverse(TENANT, PAYMENT, LocalDate.of(2026, 12, 8), "MD06",
                Map.of(INVOICE, Money.eur("10.00")), AT)).decided();

        // then the invoice is open for € 131.00, and a second reversal changes nothing
        assertThat(events).containsExactly(new PaymentReversed(TENANT, PAYMENT, Money.eur("150.00"), LocalDate.of(2026, 12, 8),
                "MD06", List.of(new Allocation(INVOICE, Money.eur("121.00"), Money.eur("131.00"), null)), AT));
        spec.given(received(), (PaymentReversed) events.get(0)).when(new PaymentDecider.Reverse(TENANT, PAYMENT, VALUE, null,
                Map.of(), AT)).thenNothing();
        spec.given().when(new PaymentDecider.Reverse(TENANT, PAYMENT, VALUE, null, Map.of(), AT)).thenRefused("status");
    }
}
