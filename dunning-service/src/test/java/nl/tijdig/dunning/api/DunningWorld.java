package nl.tijdig.dunning.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.Channel;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.DebtorDetails;
import nl.tijdig.events.DebtorRegistered;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.kernel.BusinessTime;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.PaymentId;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.quarkus.KafkaResource;

/**
 * A tenant's world for dunning tests: its creditor profile, debtors and invoices published as the
 * invoice-service's contract examples shape them, payments as the payment-service's, letters sent as the
 * notification-service's; the service's clock moved to a day; the scheduler run; what dunning published
 * read back from its topic.
 */
final class DunningWorld {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TOPIC = "tijdig.dunning.v1";

    final TenantId tenant;

    DunningWorld(String tenant) {
        this(tenant, true);
    }

    /** A tenant whose creditor can ({@code vatDeductible}) or cannot deduct VAT. */
    DunningWorld(String tenant, boolean vatDeductible) {
        this.tenant = TenantId.of(tenant);
        CreditorProfileUpdated example = EventExamples.event(CreditorProfileUpdated.class);
        CaseApiTest.publish(new CreditorProfileUpdated(this.tenant, example.creditor(), example.logoUrl(), example.footer(),
                example.b2bTermDays(), example.b2cTermDays(), example.invoiceSeries(), vatDeductible ? null : Boolean.FALSE,
                example.occurredAt()));
    }

    /** A debtor registered with the invoice-service (the contract example's details, in this segment). */
    DebtorId debtor(String name, Segment segment) {
        DebtorId id = new DebtorId(UUID.randomUUID());
        DebtorDetails d = EventExamples.event(DebtorRegistered.class).debtor();
        CaseApiTest.publish(new DebtorRegistered(tenant, id, new DebtorDetails(segment == Segment.B2B ? "BUSINESS" : "CONSUMER",
                name, d.address(), segment == Segment.B2B ? d.kvkNumber() : null, null, d.email(), d.language(), d.iban(),
                segment, null), Instant.now()));
        return id;
    }

    /** An invoice issued to the debtor, of {@code total} incl. VAT, due on {@code due}. */
    InvoiceIssued invoice(DebtorId debtor, String name, Segment segment, String number, String total, LocalDate issued,
            LocalDate due) {
        Money incl = Money.eur(total);
        Money excl = Money.eur(new java.math.BigDecimal(total).divide(new java.math.BigDecimal("1.21"), 2,
                java.math.RoundingMode.HALF_UP));
        InvoiceIssued invoice = new InvoiceIssued(tenant, new InvoiceId(UUID.randomUUID()), number,
                new DebtorSnapshot(debtor, name, segment, "nl"), issued, due, excl, incl.minus(excl), incl, null, Instant.now());
        CaseApiTest.publish(invoice);
        awaitCase(invoice.invoiceId());
        return invoice;
    }

    void awaitCase(InvoiceId invoice) {
        await().atMost(WAIT).until(() -> given().when().get("/cases/" + invoice.value()).then().extract().statusCode() == 200);
    }

    /** The case as the API shows it. */
    JsonPath caseOf(InvoiceId invoice) {
        return given().when().get("/cases/" + invoice.value()).then().statusCode(200).extract().jsonPath();
    }

    /** A payment that leaves {@code openAfter} on the invoice. */
    void paid(InvoiceId invoice, String amount, String openAfter) {
        paid(invoice, amount, openAfter, LocalDate.now());
    }

    /** A payment with its value date that leaves {@code openAfter} on the invoice. */
    void paid(InvoiceId invoice, String amount, String openAfter, LocalDate valueDate) {
        CaseApiTest.publish(new PaymentReceived(tenant, new PaymentId(UUID.randomUUID()), null, Money.eur(amount),
                valueDate, PaymentReceived.Source.API, null, null, null,
                List.of(new Allocation(invoice, Money.eur(amount), Money.eur(openAfter))), Money.eur("0"), Instant.now()));
    }

    /** The notification-service sent the reminder on a channel at an instant. */
    void sent(ReminderDue reminder, Channel channel, Instant at) {
        CaseApiTest.publish(new ReminderSent(tenant, reminder.caseId(), reminder.reminderId(), channel, "recipient",
                UUID.randomUUID(), at, null, null, at));
    }

    /** Moves the service's clock to {@code time} (Europe/Amsterdam) on the day. */
    static void clockAt(LocalDate day, LocalTime time) {
        given().contentType(ContentType.JSON).body("{\"now\": \"" + day.atTime(time).atZone(BusinessTime.ZONE).toInstant() + "\"}")
                .when().put("/admin/clock").then().statusCode(200).body("today", org.hamcrest.Matchers.is(day.toString()));
    }

    /** Moves the clock to 07:00 on the day and runs the scheduler. */
    static JsonPath runOn(LocalDate day) {
        clockAt(day, LocalTime.of(7, 0));
        return run();
    }

    static JsonPath run() {
        return given().when().post("/admin/dunning-runs").then().statusCode(200).extract().jsonPath();
    }

    /** What dunning published for this tenant, of a type: {@code expected} of them, and no more within seconds. */
    <E extends PublicEvent> List<E> published(Class<E> type, int expected) {
        if (expected > 0) {
            await().atMost(WAIT).until(() -> read(type, Duration.ofSeconds(1)).size() >= expected);
        }
        List<E> found = read(type, Duration.ofSeconds(2));
        assertThat(found).as(type.getSimpleName() + " published for " + tenant).hasSize(expected);
        return found;
    }

    private <E extends PublicEvent> List<E> read(Class<E> type, Duration window) {
        String typeName = "nl.tijdig.dunning." + type.getSimpleName() + ".v1";
        return TopicProbe.read(KafkaResource.broker().bootstrapServers(), TOPIC,
                        r -> typeName.equals(TopicProbe.header(r, CloudEventsKafka.TYPE)), Integer.MAX_VALUE, window).stream()
                .map(r -> ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(r)).envelope().data())
                .filter(e -> e.tenantId().equals(tenant)).map(type::cast).toList();
    }

    static CaseId caseOf(InvoiceIssued invoice) {
        return new CaseId(invoice.invoiceId().value());
    }
}
