package nl.tijdig.payment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.CreditRefunded;
import nl.tijdig.events.PaymentEvent;
import nl.tijdig.events.PaymentLinkClosed;
import nl.tijdig.events.PaymentLinkCreated;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.events.PaymentUnmatched;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;

/**
 * A payment's stream, decided: a payment is received (placed by a rule or by staff, {@link Receive}) or left
 * unmatched ({@link LeaveUnmatched}); an unmatched one is received once staff allocate it; a received one can be
 * reversed ({@link Reverse}: a direct debit reversed, a transfer returned), which opens again what it paid. How a
 * payment is placed is decided before (the {@link Match} of {@link PaymentMatcher} or {@link ManualAllocation});
 * this decider records it as the events that say so, and refuses what the payment's history does not allow.
 */
public final class PaymentDecider implements Decider<PaymentDecider.Command, PaymentDecider.State, PaymentEvent> {

    public static final PaymentDecider INSTANCE = new PaymentDecider();

    /** Where a payment is. */
    public enum Status {
        NEW, UNMATCHED, RECEIVED, REVERSED
    }

    /** A payment as its events say: its status, and what it paid once received. */
    public record State(Status status, PaymentReceived received) {
    }

    /** What may happen to a payment. */
    public sealed interface Command {
        TenantId tenant();

        PaymentId paymentId();

        Instant at();
    }

    /** The payment is placed: on the match's invoices, the rest as the debtor's credit. */
    public record Receive(TenantId tenant, PaymentId paymentId, IncomingPayment payment, PaymentReceived.Source source,
            Match.Matched match, Instant at) implements Command {
    }

    /** No rule could place the payment: it waits for staff. */
    public record LeaveUnmatched(TenantId tenant, PaymentId paymentId, IncomingPayment payment,
            PaymentReceived.Source source, String reason, Instant at) implements Command {
    }

    /**
     * The bank reversed the payment on {@code date} ({@code reasonCode}: the ISO reason, e.g. MD06); {@code openNow} is
     * what is open now of the invoices it paid (an invoice not listed has nothing open).
     */
    public record Reverse(TenantId tenant, PaymentId paymentId, LocalDate date, String reasonCode,
            Map<InvoiceId, Money> openNow, Instant at) implements Command {

        public Reverse {
            openNow = Map.copyOf(openNow);
        }
    }

    private PaymentDecider() {
    }

    @Override
    public State initialState() {
        return new State(Status.NEW, null);
    }

    @Override
    public Decision<PaymentEvent> decide(Command command, State state) {
        return switch (command) {
            case Receive r -> switch (state.status()) {
                case NEW, UNMATCHED -> Decision.decided(received(r));
                case RECEIVED, REVERSED -> Decision.refused("status", "is " + state.status() + ": only an unmatched payment "
                        + "is allocated by hand");
            };
            case LeaveUnmatched u -> switch (state.status()) {
                case NEW -> Decision.decided(new PaymentUnmatched(u.tenant(), u.paymentId(), u.payment().amount(),
                        u.payment().valueDate(), u.source(), u.payment().payerName(), u.payment().payerIban(),
                        u.payment().remittance(), u.reason(), u.at()));
                case UNMATCHED -> Decision.decided(List.of());
                case RECEIVED, REVERSED -> Decision.refused("status", "is " + state.status() + " already");
            };
            case Reverse r -> switch (state.status()) {
                case RECEIVED -> Decision.decided(reversed(r, state.received()));
                case REVERSED -> Decision.decided(List.of());
                case NEW, UNMATCHED -> Decision.refused("status", "is " + state.status() + ": only a placed payment is reversed");
            };
        };
    }

    @Override
    public State evolve(State state, PaymentEvent event) {
        return switch (event) {
            case PaymentUnmatched u -> new State(Status.UNMATCHED, null);
            case PaymentReceived r -> new State(Status.RECEIVED, r);
            case PaymentReversed r -> new State(Status.REVERSED, state.received());
            case PaymentLinkCreated other -> state;
            case PaymentLinkClosed other -> state;
            case CreditRefunded other -> state;
        };
    }

    private static PaymentReceived received(Receive r) {
        IncomingPayment payment = r.payment();
        Match.Matched match = r.match();
        List<Allocation> allocations = match.allocations().stream()
                .map(a -> new Allocation(a.invoiceId(), a.amount(), a.openAfter(), a.writtenOff())).toList();
        return new PaymentReceived(r.tenant(), r.paymentId(), match.debtorId(), payment.amount(), payment.valueDate(),
                r.source(), payment.payerName(), payment.payerIban(), payment.remittance(), allocations, match.credit(), r.at());
    }

    /** What the reversal opens again: each invoice what the payment applied to it and wrote off. */
    private static PaymentReversed reversed(Reverse r, PaymentReceived received) {
        List<Allocation> reopened = received.allocations().stream().map(a -> {
            Money back = a.writtenOff() == null ? a.amount() : a.amount().plus(a.writtenOff());
            Money open = r.openNow().get(a.invoiceId());
            return new Allocation(a.invoiceId(), a.amount(), open == null ? back : open.plus(back), a.writtenOff());
        }).toList();
        return new PaymentReversed(r.tenant(), r.paymentId(), received.amount(), r.date(),
                r.reasonCode() == null ? "UNKN" : r.reasonCode(), reopened, r.at());
    }
}
