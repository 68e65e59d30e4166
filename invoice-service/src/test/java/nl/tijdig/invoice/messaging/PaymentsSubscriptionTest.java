package nl.tijdig.invoice.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PaymentReversed;
import nl.tijdig.events.TraceContext;
import nl.tijdig.events.WireMessage;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.invoice.api.InvoiceApiFixtures;
import nl.tijdig.invoice.store.InvoicePayments;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/** The invoice-service as a consumer of the payment-service, tested against the producer's examples. */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "invoice"))
class PaymentsSubscriptionTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000e1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    InvoicePayments payments;

    @Test
    void the_producers_examples_count_once_each_and_a_reversal_takes_the_payment_off() {
        // given the payment-service's contract examples, the received one delivered twice
        PaymentReceived received = EventExamples.event(PaymentReceived.class);
        InvoiceId invoice = received.allocations().get(0).invoiceId();
        WireMessage receivedMessage = EventExamples.message(PaymentReceived.class, 1);
        send(receivedMessage);
        send(receivedMessage);

        // then the invoice counts what it settled once: 1,088.60 paid and the 0.40 written off under the tolerance
        await().atMost(WAIT).untilAsserted(() -> assertThat(paid(received.tenantId(), invoice)).isEqualTo(Money.eur("1089.00")));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> paid(received.tenantId(), invoice).equals(Money.eur("1089.00")));

        // when the example reversal arrives, then it is taken off again
        send(EventExamples.message(PaymentReversed.class, 2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(paid(received.tenantId(), invoice)).isEqualTo(Money.eur("0.00")));
    }

    @Test
    @TestSecurity(user = "integrator", roles = {"integrator", "tenant-admin"}, attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_payment_lowers_the_open_principal_and_blocks_cancellation() {
        // given an issued invoice of 1,097.14
        String id = InvoiceApiFixtures.issueInvoice();

        // when the payment-service reports 500.00 allocated to it
        TenantId tenant = TenantId.of(TENANT);
        PaymentReceived payment = new PaymentReceived(tenant, new PaymentId(UUID.randomUUID()), null, Money.eur("500.00"),
                LocalDate.of(2026, 11, 25), PaymentReceived.Source.BANK_STATEMENT, "BAKKERIJ DE GOUDEN KORST BV", null, null,
                List.of(new Allocation(InvoiceId.of(id), Money.eur("500.00"), Money.eur("597.14"))), Money.eur("0"),
                Instant.parse("2026-11-25T10:00:00Z"));
        send(CloudEventsKafka.standard().encode(EventEnvelope.of(UUID.randomUUID(), payment, 1, TraceContext.NONE)));

        // then the invoice shows it as partly paid, and it can no longer be cancelled
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/invoices/" + id).then()
                .body("status", is("PARTIALLY_PAID"))
                .body("paid.amount", is("500.00"))
                .body("openPrincipal.amount", is("597.14")));
        given().contentType(ContentType.JSON).body("{}").when().post("/invoices/" + id + "/cancellation")
                .then().statusCode(422).body("errors[0].message", is("has payments: credit it instead of cancelling"));
    }

    private Money paid(TenantId tenant, InvoiceId invoice) {
        return payments.paid(pool, tenant, invoice, Money.EUR).await().atMost(WAIT);
    }

    private static void send(WireMessage message) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(),
                "payment-service-stand-in", Map.of())) {
            producer.send(CloudEventsKafka.toProducerRecord(message)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
