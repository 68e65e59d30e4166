package nl.tijdig.collection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.CollectionCaseOpened;
import nl.tijdig.events.CollectionCaseUpdated;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.FactoringAccepted;
import nl.tijdig.events.FactoringOffered;
import nl.tijdig.events.FactoringRejected;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/**
 * An invoice's factoring: offered to one factor at a time; the factor accepts (the claim is assigned to it — for good)
 * or declines (the invoice may be offered again). State is what its events say ({@link #evolve}); {@link #decide}
 * answers a command with its events, none when it changes nothing (the same answer again), or a refusal saying why.
 */
public record Factoring(TenantId tenantId, InvoiceId invoiceId, Status status, Offer offer) {

    /** Where an invoice's factoring is. */
    public enum Status {
        /** Not offered now (never, or the last offer was declined). */
        OPEN,
        /** Offered; waiting for the factor's answer. */
        OFFERED,
        /** Sold to a factor. */
        ASSIGNED
    }

    /** The current (or last) offer. */
    public record Offer(UUID offerId, UUID partnerId, String factor, DebtorId debtorId, Money offered) {
    }

    /** What an open invoice is, as the offer needs it. */
    public record Invoice(TenantId tenantId, InvoiceId invoiceId, String invoiceNumber, DebtorId debtorId, Money open, LocalDate dueDate) {
    }

    /** What may happen to an invoice's factoring. */
    public sealed interface Command {
        Instant at();
    }

    /** Offer the invoice to this factor. */
    public record OfferTo(UUID offerId, Invoice invoice, UUID partnerId, String factor, Instant at) implements Command {
    }

    /** The factor accepts the offer: it pays {@code advance}, charges {@code fee}; the claim is assigned on {@code assignedOn}. */
    public record Accept(UUID offerId, Money advance, Money fee, String factorReference, LocalDate assignedOn, Instant at)
            implements Command {
    }

    /** The offer came to nothing: declined by the factor, or no answer. */
    public record Decline(UUID offerId, String reason, Instant at) implements Command {
    }




    private static final Decision<CollectionEvent> NOTHING = Decision.decided(List.of());

    /** What the command causes, given the invoice's factoring (null when it was never offered). */
    public static Decision<CollectionEvent> decide(Command command, Factoring state) {
        Status status = state == null ? Status.OPEN : state.status;
        return switch (command) {
            case OfferTo offer -> switch (status) {
                case OPEN -> offer(offer);
                case OFFERED -> state.offer.offerId().equals(offer.offerId()) ? NOTHING
                        : Decision.refused("invoiceId", "is offered to " + state.offer.factor() + "; wait for its answer");
                case ASSIGNED -> Decision.refused("invoiceId", "is assigned to " + state.offer.factor());
            };
            case Accept accept -> {
                if (state == null || !state.offer.offerId().equals(accept.offerId())) {
                    yield Decision.refused("offerId", "is not the invoice's offer");
                }
                yield switch (status) {
                    case OFFERED -> state.accept(accept);
                    case ASSIGNED -> NOTHING;
                    case OPEN -> Decision.refused("offerId", "was declined");
                };
            }
            case Decline decline -> {
                if (state == null || !state.offer.offerId().equals(decline.offerId())) {
                    yield Decision.refused("offerId", "is not the invoice's offer");
                }
                yield switch (status) {
                    case OFFERED -> Decision.decided(List.of(new FactoringRejected(state.tenantId, decline.offerId(), state.invoiceId,
                            state.offer.partnerId(), state.offer.factor(), decline.reason(), decline.at())));
                    case OPEN -> NOTHING;
                    case ASSIGNED -> Decision.refused("offerId", "was accepted");
                };
            }
        };
    }

    private static Decision<CollectionEvent> offer(OfferTo offer) {
        Invoice invoice = offer.invoice();
        if (!invoice.open().isPositive()) {
            return Decision.refused("invoiceId", "has nothing open");
        }
        return Decision.decided(List.of(new FactoringOffered(invoice.tenantId(), offer.offerId(), invoice.invoiceId(), invoice.invoiceNumber(),
                invoice.debtorId(), offer.partnerId(), offer.factor(), invoice.open(), invoice.dueDate(), offer.at())));
    }

    private Decision<CollectionEvent> accept(Accept accept) {
        Money offered = offer.offered();
        if (accept.advance() == null || !accept.advance().isPositive() || !accept.advance().currency().equals(offered.currency())
                || accept.advance().isGreaterThan(offered)) {
            return Decision.refused("advance", "must be more than zero and at most the " + offered + " offered");
        }
        if (accept.fee() == null || accept.fee().isNegative() || !accept.fee().currency().equals(offered.currency())) {
            return Decision.refused("fee", "must be zero or more, in " + offered.currency());
        }
        return Decision.decided(List.of(
                new FactoringAccepted(tenantId, accept.offerId(), invoiceId, offer.partnerId(), offer.factor(), accept.advance(), accept.fee(),
                        accept.factorReference(), accept.at()),
                new InvoiceAssigned(tenantId, invoiceId, offer.debtorId(), offer.factor(), accept.assignedOn(), accept.advance(), accept.fee(),
                        accept.at())));
    }

    /** The invoice's factoring after the event. */
    public static Factoring evolve(Factoring state, CollectionEvent event) {
        return switch (event) {
            case FactoringOffered o -> new Factoring(o.tenantId(), o.invoiceId(), Status.OFFERED,
                    new Offer(o.offerId(), o.partnerId(), o.factor(), o.debtorId(), o.offered()));
            case FactoringAccepted a -> Objects.requireNonNull(state, "no offer").with(Status.ASSIGNED);
            case FactoringRejected r -> Objects.requireNonNull(state, "no offer").with(Status.OPEN);
            case InvoiceAssigned a -> state;
            case CollectionCaseOpened c -> state;
            case CollectionCaseUpdated c -> state;
            case CollectionPaymentReported c -> state;
            case CollectionCaseClosed c -> state;
        };
    }

    public static Factoring replay(List<? extends CollectionEvent> events) {
        return DECIDER.fold(events);
    }

    /** The invoice's factoring decider: never offered (null) at first, {@link #decide} and {@link #evolve}. */
    public static final Decider<Command, Factoring, CollectionEvent> DECIDER = Decider.of(null, Factoring::decide,
            Factoring::evolve);

    private Factoring with(Status next) {
        return new Factoring(tenantId, invoiceId, next, offer);
    }
}
