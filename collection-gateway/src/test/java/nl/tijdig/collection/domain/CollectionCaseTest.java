package nl.tijdig.collection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.CollectionCaseClosed;
import nl.tijdig.events.CollectionCaseOpened;
import nl.tijdig.events.CollectionCaseUpdated;
import nl.tijdig.events.CollectionEvent;
import nl.tijdig.events.CollectionPaymentReported;
import nl.tijdig.events.EscalatedToCollection;
import nl.tijdig.events.EventExamples;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import org.junit.jupiter.api.Test;

/** The collection case as given (its events) / when (a command) / then (the events, or the refusal). */
class CollectionCaseTest {

    static final UUID CASE = UUID.fromString("0193a6f2-6666-7666-8666-000000000001");
    static final UUID AGENCY = UUID.fromString("0193a6f2-8888-7888-8888-000000000001");
    static final Instant AT = Instant.parse("2026-12-02T08:00:00Z");
    static final EscalatedToCollection ESCALATION = EventExamples.event(EscalatedToCollection.class);
    static final InvoiceId OLDEST = new InvoiceId(UUID.fromString("0193a6f2-1111-7111-8111-000000000001"));
    static final InvoiceId NEWER = new InvoiceId(UUID.fromString("0193a6f2-1111-7111-8111-000000000002"));

    private final List<CollectionEvent> given = new ArrayList<>();

    private CollectionCaseTest given(CollectionCase.Command... commands) {
        for (CollectionCase.Command command : commands) {
            given.addAll(((Decision.Decided<CollectionEvent>) CollectionCase.decide(command, CollectionCase.replay(given))).events());
        }
        return this;
    }

    private Decision<CollectionEvent> when(CollectionCase.Command command) {
        return CollectionCase.decide(command, CollectionCase.replay(given));
    }

    private static CollectionCase.Open open() {
        return new CollectionCase.Open(CASE, ESCALATION, AGENCY, "Incassobureau Noord B.V.", Instant.parse("2026-12-01T05:00:02Z"));
    }

    private static CollectionCase.Report report(PartnerReport report) {
        return new CollectionCase.Report(report, AT);
    }

    private static List<CollectionEvent> events(Decision<CollectionEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Decided.class);
        return ((Decision.Decided<CollectionEvent>) decision).events();
    }

    @Test
    void an_escalation_opens_a_case_at_the_partner_with_the_dossier_once() {
        List<CollectionEvent> opened = events(when(open()));
        assertThat(opened).singleElement().isEqualTo(EventExamples.event(CollectionCaseOpened.class));
        given(open());
        assertThat(events(when(open()))).isEmpty();
    }

    @Test
    void a_hand_over_submits_then_the_agency_accepts_and_works_it() {
        given(open());
        assertThat(events(when(new CollectionCase.HandedOver("INC-2026-004711", AT)))).singleElement()
                .extracting("status", "partnerReference").containsExactly(CollectionCaseUpdated.Status.SUBMITTED, "INC-2026-004711");
        given(new CollectionCase.HandedOver("INC-2026-004711", AT));
        assertThat(events(when(new CollectionCase.HandedOver("INC-2026-004711", AT)))).isEmpty();
        assertThat(events(when(report(new PartnerReport.Accepted(null, "Dossier compleet"))))).singleElement()
                .extracting("status", "partnerReference").containsExactly(CollectionCaseUpdated.Status.ACCEPTED, "INC-2026-004711");
        given(report(new PartnerReport.Accepted(null, null)));
        assertThat(events(when(report(new PartnerReport.Accepted(null, null))))).isEmpty();
        assertThat(events(when(report(new PartnerReport.InProgress("Betalingsregeling voorgesteld"))))).singleElement()
                .extracting("status").isEqualTo(CollectionCaseUpdated.Status.IN_PROGRESS);
    }

    @Test
    void money_collected_is_placed_on_the_oldest_invoice_first_and_counts_once() {
        given(open(), new CollectionCase.HandedOver("INC-1", AT), report(new PartnerReport.Accepted(null, null)));
        UUID reportId = UUID.randomUUID();
        PartnerReport.PaymentCollected payment = new PartnerReport.PaymentCollected(reportId, Money.eur("700.00"), Money.eur("75.00"),
                LocalDate.parse("2026-12-14"), List.of());
        CollectionPaymentReported reported = (CollectionPaymentReported) events(when(report(payment))).get(0);
        assertThat(reported.invoices()).containsExactly(new CollectionPaymentReported.Part(OLDEST, Money.eur("589.00")),
                new CollectionPaymentReported.Part(NEWER, Money.eur("111.00")));
        assertThat(reported.partner()).isEqualTo("Incassobureau Noord B.V.");
        assertThat(reported.agencyCosts()).isEqualTo(Money.eur("75.00"));
        given(report(payment));
        assertThat(events(when(report(payment)))).isEmpty();
        // a later payment goes to what is still open
        CollectionPaymentReported rest = (CollectionPaymentReported) events(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(),
                Money.eur("252.00"), null, LocalDate.parse("2026-12-20"), List.of())))).get(0);
        assertThat(rest.invoices()).containsExactly(new CollectionPaymentReported.Part(NEWER, Money.eur("252.00")));
    }

    @Test
    void the_agencys_own_split_is_kept_when_it_names_the_cases_invoices_within_the_amount() {
        given(open(), new CollectionCase.HandedOver("INC-1", AT));
        CollectionPaymentReported reported = (CollectionPaymentReported) events(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(),
                Money.eur("300.00"), null, LocalDate.parse("2026-12-14"), List.of(new CollectionPaymentReported.Part(OLDEST, Money.eur("242.00")),
                        new CollectionPaymentReported.Part(NEWER, Money.eur("58.00"))))))).get(0);
        assertThat(reported.invoices()).extracting(CollectionPaymentReported.Part::amount).containsExactly(Money.eur("242.00"), Money.eur("58.00"));
        assertThat(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("300.00"), null, LocalDate.parse("2026-12-14"),
                List.of(new CollectionPaymentReported.Part(new InvoiceId(UUID.randomUUID()), Money.eur("10.00")))))))
                .isEqualTo(Decision.refused("invoices[0].invoiceId", "is not an invoice of this case"));
        assertThat(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("10.00"), null, LocalDate.parse("2026-12-14"),
                List.of(new CollectionPaymentReported.Part(OLDEST, Money.eur("20.00"))))))).isInstanceOf(Decision.Refused.class)
                .extracting(d -> ((Decision.Refused<?>) d).first().field()).isEqualTo("invoices");
        assertThat(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("0.00"), null, LocalDate.parse("2026-12-14"),
                List.of())))).extracting(d -> ((Decision.Refused<?>) d).first().field()).isEqualTo("amount");
    }

    @Test
    void a_case_the_agency_never_got_takes_no_money_and_cannot_be_closed_or_returned_by_it() {
        given(open());
        assertThat(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("10.00"), null, LocalDate.parse("2026-12-14"),
                List.of())))).isEqualTo(Decision.refused("status", "the case was not handed over"));
        assertThat(when(report(new PartnerReport.Closed("klaar")))).isInstanceOf(Decision.Refused.class);
        assertThat(when(report(new PartnerReport.Returned("terug")))).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void the_agency_closes_collected_when_the_principal_came_in_otherwise_closed_by_partner() {
        given(open(), new CollectionCase.HandedOver("INC-1", AT), report(new PartnerReport.PaymentCollected(UUID.randomUUID(),
                Money.eur("300.00"), null, LocalDate.parse("2026-12-14"), List.of())));
        CollectionCaseClosed partly = (CollectionCaseClosed) events(when(report(new PartnerReport.Closed("Debiteur failliet")))).get(0);
        assertThat(partly.outcome()).isEqualTo(CollectionCaseClosed.Outcome.CLOSED_BY_PARTNER);
        assertThat(partly.collected()).isEqualTo(Money.eur("300.00"));
        given(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("652.00"), null, LocalDate.parse("2026-12-20"), List.of())));
        CollectionCaseClosed whole = (CollectionCaseClosed) events(when(report(new PartnerReport.Closed("Volledig voldaan")))).get(0);
        assertThat(whole.outcome()).isEqualTo(CollectionCaseClosed.Outcome.COLLECTED);
        given(report(new PartnerReport.Closed("Volledig voldaan")));
        // a repeated close changes nothing; other reports on a closed case are refused, but money still counts
        assertThat(events(when(report(new PartnerReport.Closed("Volledig voldaan"))))).isEmpty();
        assertThat(when(report(new PartnerReport.InProgress("?")))).isEqualTo(Decision.refused("status", "the case is closed (COLLECTED)"));
        assertThat(events(when(report(new PartnerReport.PaymentCollected(UUID.randomUUID(), Money.eur("5.00"), null,
                LocalDate.parse("2026-12-21"), List.of()))))).hasSize(1);
    }

    @Test
    void a_rejection_before_acceptance_ends_the_case_after_acceptance_the_agency_returns_it() {
        given(open(), new CollectionCase.HandedOver("INC-1", AT));
        assertThat(events(when(report(new PartnerReport.Rejected("Vordering te oud"))))).singleElement()
                .extracting("outcome", "reason").containsExactly(CollectionCaseClosed.Outcome.REJECTED, "Vordering te oud");
        given(report(new PartnerReport.Accepted("INC-1", null)));
        assertThat(when(report(new PartnerReport.Rejected("toch niet")))).isInstanceOf(Decision.Refused.class);
        assertThat(events(when(report(new PartnerReport.Returned("Geen verhaal"))))).singleElement()
                .extracting("outcome").isEqualTo(CollectionCaseClosed.Outcome.RETURNED);
    }

    @Test
    void the_creditor_recalls_an_open_case_once_and_not_a_closed_one() {
        given(open(), new CollectionCase.HandedOver("INC-1", AT));
        assertThat(events(when(new CollectionCase.Recall("Debiteur heeft rechtstreeks betaald", AT)))).singleElement()
                .extracting("outcome").isEqualTo(CollectionCaseClosed.Outcome.RECALLED);
        given(new CollectionCase.Recall("Debiteur heeft rechtstreeks betaald", AT));
        assertThat(events(when(new CollectionCase.Recall("nogmaals", AT)))).isEmpty();
        assertThat(when(report(new PartnerReport.Returned("x")))).isInstanceOf(Decision.Refused.class);
    }

    @Test
    void a_failed_hand_over_is_visible_and_a_later_hand_over_still_submits() {
        given(open());
        assertThat(events(when(new CollectionCase.HandOverFailed("HTTP 503 after 8 attempts", AT)))).singleElement()
                .extracting("status", "note").containsExactly(CollectionCaseUpdated.Status.HAND_OVER_FAILED, "HTTP 503 after 8 attempts");
        given(new CollectionCase.HandOverFailed("HTTP 503 after 8 attempts", AT));
        assertThat(CollectionCase.replay(given).status()).isEqualTo(CollectionCase.Status.HAND_OVER_FAILED);
        assertThat(events(when(new CollectionCase.HandedOver("INC-9", AT)))).singleElement().extracting("status")
                .isEqualTo(CollectionCaseUpdated.Status.SUBMITTED);
    }

    @Test
    void a_command_for_a_case_that_does_not_exist_is_refused() {
        assertThat(when(new CollectionCase.Recall("x", AT))).isInstanceOf(Decision.Refused.class);
    }
}
