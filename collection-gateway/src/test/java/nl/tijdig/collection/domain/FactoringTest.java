package nl.tijdig.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.FactoringAccepted;
import nl.tijdig.events.FactoringOffered;
import nl.tijdig.events.FactoringRejected;
import nl.tijdig.events.InvoiceAssigned;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.decider.DeciderSpec;
import org.junit.jupiter.api.Test;

class FactoringTest {

    static final TenantId TENANT = new TenantId(UUID.fromString("0193a6f2-0000-7000-8000-00000000a001"));
    static final Instant AT = Instant.parse("2026-10-20T10:00:00Z");
    static final UUID FACTOR = UUID.randomUUID();
    static final UUID OFFER = UUID.randomUUID();
    static final Factoring.Invoice INVOICE = new Factoring.Invoice(TENANT, new InvoiceId(UUID.randomUUID()), "2026-00031",
            new DebtorId(UUID.randomUUID()), eur("2420.00"), LocalDate.of(2026, 11, 19));

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Given these commands were decided (each its events), the invoice's factoring. */
    static Factoring given(Factoring.Command... commands) {
        Factoring state = null;
        for (Factoring.Command command : commands) {
            for (CollectionEvent event : events(Factoring.decide(command, state))) {
                state = Factoring.evolve(state, event);
            }
        }
        return state;
    }

    static List<CollectionEvent> events(Decision<CollectionEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Decided.class);
        return ((Decision.Decided<CollectionEvent>) decision).events();
    }

    static Factoring.OfferTo offer(UUID offerId) {
        return new Factoring.OfferTo(offerId, INVOICE, FACTOR, "Factor Zuid B.V.", AT);
    }

    static Factoring.Accept accept(String advance, String fee) {
        return new Factoring.Accept(OFFER, eur(advance), eur(fee), "FZ-1", LocalDate.of(2026, 10, 20), AT.plusSeconds(3600));
    }

    @Test
    void given_an_offer_when_the_factor_accepts_then_the_invoice_is_assigned_and_a_second_offer_is_refused() {
        DeciderSpec<Factoring.Command, Factoring, CollectionEvent> spec = DeciderSpec.of(Factoring.DECIDER);
        List<CollectionEvent> offered = spec.given().when(offer(OFFER)).decided();
        List<CollectionEvent> accepted = spec.given(offered).when(accept("2299.00", "60.50")).decided();

        assertThat(accepted).hasSize(2).last().isInstanceOf(InvoiceAssigned.class);
        spec.given(java.util.stream.Stream.concat(offered.stream(), accepted.stream()).toList()).when(offer(UUID.randomUUID()))
                .thenRefused("invoiceId");
    }

    @Test
    void an_open_invoice_is_offered_for_what_is_open_of_it() {
        List<CollectionEvent> events = events(Factoring.decide(offer(OFFER), null));
        assertThat(events).containsExactly(new FactoringOffered(TENANT, OFFER, INVOICE.invoiceId(), "2026-00031", INVOICE.debtorId(), FACTOR,
                "Factor Zuid B.V.", eur("2420.00"), LocalDate.of(2026, 11, 19), AT));
        assertThat(Factoring.decide(offer(OFFER), given(offer(OFFER)))).isEqualTo(Decision.decided(List.of()));
    }

    @Test
    void acceptance_assigns_the_invoice_to_the_factor_for_good() {
        Factoring offered = given(offer(OFFER));
        assertThat(events(Factoring.decide(accept("2299.00", "60.50"), offered))).containsExactly(
                new FactoringAccepted(TENANT, OFFER, INVOICE.invoiceId(), FACTOR, "Factor Zuid B.V.", eur("2299.00"), eur("60.50"), "FZ-1",
                        AT.plusSeconds(3600)),
                new InvoiceAssigned(TENANT, INVOICE.invoiceId(), INVOICE.debtorId(), "Factor Zuid B.V.", LocalDate.of(2026, 10, 20),
                        eur("2299.00"), eur("60.50"), AT.plusSeconds(3600)));
        Factoring assigned = given(offer(OFFER), accept("2299.00", "60.50"));
        assertThat(assigned.status()).isEqualTo(Factoring.Status.ASSIGNED);
        assertThat(Factoring.decide(accept("2299.00", "60.50"), assigned)).isEqualTo(Decision.decided(List.of()));
        assertThat(Factoring.decide(offer(UUID.randomUUID()), assigned)).isEqualTo(
                Decision.refused("invoiceId", "is assigned to Factor Zuid B.V."));
        assertThat(Factoring.decide(new Factoring.Decline(OFFER, "te laat", AT), assigned))
                .isEqualTo(Decision.refused("offerId", "was accepted"));
    }

    @Test
    void a_declined_invoice_may_be_offered_again_and_an_offered_one_not_twice() {
        Factoring offered = given(offer(OFFER));
        assertThat(Factoring.decide(offer(UUID.randomUUID()), offered))
                .isEqualTo(Decision.refused("invoiceId", "is offered to Factor Zuid B.V.; wait for its answer"));
        Factoring.Decline decline = new Factoring.Decline(OFFER, "buiten acceptatiebeleid", AT);
        assertThat(events(Factoring.decide(decline, offered))).containsExactly(new FactoringRejected(TENANT, OFFER, INVOICE.invoiceId(),
                FACTOR, "Factor Zuid B.V.", "buiten acceptatiebeleid", AT));
        Factoring declined = given(offer(OFFER), decline);
        assertThat(declined.status()).isEqualTo(Factoring.Status.OPEN);
        assertThat(Factoring.decide(decline, declined)).isEqualTo(Decision.decided(List.of()));
        assertThat(events(Factoring.decide(offer(UUID.randomUUID()), declined))).hasSize(1);
    }

    @Test
    void an_answer_that_does_not_fit_the_offer_is_refused_naming_the_field() {
        Factoring offered = given(offer(OFFER));
        assertThat(Factoring.decide(accept("2420.01", "0.00"), offered)).isInstanceOf(Decision.Refused.class)
                .extracting(r -> ((Decision.Refused<?>) r).first().field()).isEqualTo("advance");
        assertThat(Factoring.decide(accept("2000.00", "-1.00"), offered)).extracting(r -> ((Decision.Refused<?>) r).first().field()).isEqualTo("fee");
        assertThat(Factoring.decide(new Factoring.Accept(UUID.randomUUID(), eur("1.00"), eur("0.00"), null, LocalDate.of(2026, 10, 20), AT),
                offered)).isEqualTo(Decision.refused("offerId", "is not the invoice's offer"));
        Factoring.OfferTo nothingOpen = new Factoring.OfferTo(OFFER, new Factoring.Invoice(TENANT, INVOICE.invoiceId(), "2026-00031",
                INVOICE.debtorId(), eur("0.00"), INVOICE.dueDate()), FACTOR, "Factor Zuid B.V.", AT);
        assertThat(Factoring.decide(nothingOpen, null)).isEqualTo(Decision.refused("invoiceId", "has nothing open"));
    }
}
