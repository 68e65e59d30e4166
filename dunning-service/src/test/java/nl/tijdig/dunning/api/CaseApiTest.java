package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/** The case follows the invoice and payment events (shapes from their producers' contracts). */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "dunning"))
class CaseApiTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000f3";
    static final Duration WAIT = Duration.ofSeconds(60);

    static void publish(PublicEvent event) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(),
                "stand-in", Map.of())) {
            producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                    EventEnvelope.of(UUID.randomUUID(), event, 1, TraceContext.NONE)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PaymentReceived paid(TenantId tenant, InvoiceId invoice, String amount, String openAfter) {
        return new PaymentReceived(tenant, new PaymentId(UUID.randomUUID()), null, Money.eur(amount), LocalDate.of(2026, 11, 10),
                PaymentReceived.Source.API, null, null, null,
                List.of(new Allocation(invoice, Money.eur(amount), Money.eur(openAfter))), Money.eur("0"), Instant.now());
    }

    @Test
    @TestSecurity(user = "clerk", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_issued_invoice_opens_its_case_payments_lower_and_close_it_and_a_reversal_opens_it_again() {
        // given an invoice issued to a consumer, due 2 December
        TenantId tenant = TenantId.of(TENANT);
        InvoiceId invoice = new InvoiceId(UUID.randomUUID());
        publish(new InvoiceIssued(tenant, invoice, "C-1", new DebtorSnapshot(new DebtorId(UUID.randomUUID()), "J. Jansen",
                Segment.B2C, "nl"), LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 2), Money.eur("100.00"),
                Money.eur("21.00"), Money.eur("121.00"), null, Instant.now()));

        // then its case is open with the consumer defaults, next acting 3 days before the due date
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.value()).then().statusCode(200)
                .body("state.status", is("OPEN")).body("state.open.amount", is("121.00"))
                .body("nextActionOn", is("2026-11-29")).body("state.policy.steps[3].templateKey", is("veertiendagenbrief")));

        // when part is paid, then only what is open changes
        publish(paid(tenant, invoice, "21.00", "100.00"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.value()).then()
                .body("state.open.amount", is("100.00")).body("state.status", is("OPEN")));

        // when the rest is paid, then the case closes and has no next day
        publish(paid(tenant, invoice, "100.00", "0.00"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.value()).then()
                .body("state.status", is("CLOSED")).body("state.closedReason", is("PAID")).body("nextActionOn", nullValue()));

        // when that payment is reversed, then the case is open again
        publish(new PaymentReversed(tenant, new PaymentId(UUID.randomUUID()), Money.eur("100.00"), LocalDate.of(2026, 11, 12),
                "MD06", List.of(new Allocation(invoice, Money.eur("100.00"), Money.eur("100.00"))), Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.value()).then()
                .body("state.status", is("OPEN")).body("state.open.amount", is("100.00")));
    }

    @Test
    @TestSecurity(user = "clerk", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000f5"))
    void a_burst_of_issued_invoices_opens_every_case_once_and_an_event_after_one_in_the_burst_applies_to_it() {
        // given 40 invoices of one debtor and 10 of others, one invoice issued twice (published again with another
        // event id), and one credited in full right after it was issued, all sent at once (one batch for the consumer)
        TenantId tenant = TenantId.of("0193a6f2-0000-7000-8000-0000000000f5");
        DebtorId many = new DebtorId(UUID.randomUUID());
        List<InvoiceIssued> invoices = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            DebtorId debtor = i < 40 ? many : new DebtorId(UUID.randomUUID());
            invoices.add(new InvoiceIssued(tenant, new InvoiceId(UUID.randomUUID()), "B-" + i, new DebtorSnapshot(debtor,
                    "Debiteur " + i, Segment.B2B, "nl"), LocalDate.of(2026, 11, 18), LocalDate.of(2026, 12, 2).plusDays(i),
                    Money.eur("100.00"), Money.eur("21.00"), Money.eur("121.00"), null, Instant.now()));
        }
        InvoiceIssued credited = invoices.get(7);
        List<PublicEvent> burst = new java.util.ArrayList<>(invoices);
        burst.add(8, new InvoiceCredited(tenant, credited.invoiceId(), new InvoiceId(UUID.randomUUID()), "CN-1",
                Money.eur("121.00"), Money.eur("21.00"), LocalDate.of(2026, 11, 20), "dubbel", Instant.now()));
        burst.add(invoices.get(3));

        // when they arrive together
        publishAll(burst);

        // then every case is open once, from its own invoice, and the credited one is closed
        for (InvoiceIssued invoice : invoices) {
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + invoice.invoiceId().value()).then().statusCode(200)
                    .body("invoiceNumber", is(invoice.invoiceNumber())));
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/cases/" + credited.invoiceId().value()).then()
                .body("state.status", is("CLOSED")).body("state.closedReason", is("CREDITED")));
        List<String> twice = given().when().get("/cases/" + invoices.get(3).invoiceId().value() + "/timeline").then().statusCode(200)
                .extract().jsonPath().getList("what", String.class);
        org.assertj.core.api.Assertions.assertThat(twice.stream().filter(what -> what.startsWith("Case opened"))).hasSize(1);
        given().when().get("/cases/" + invoices.get(12).invoiceId().value()).then()
                .body("state.status", is("OPEN")).body("nextActionOn", org.hamcrest.Matchers.notNullValue());
    }

    /** Sends the events in one go, so that the consumer reads them in one poll. */
    static void publishAll(List<? extends PublicEvent> events) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(),
                "stand-in", Map.of())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (PublicEvent event : events) {
                sent.add(producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                        EventEnvelope.of(UUID.randomUUID(), event, 1, TraceContext.NONE)))));
            }
            for (var one : sent) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @TestSecurity(user = "clerk", roles = "collector", attributes = @SecurityAttribute(key = "tenant_id", value = "0193a6f2-0000-7000-8000-0000000000f4"))
    void another_tenants_or_an_unknown_case_is_not_found() {
        given().when().get("/cases/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

}
