package nl.tijdig.notification.api;

import static io.restassured.RestAssured.given;
import static nl.tijdig.notification.api.Events.published;
import static nl.tijdig.notification.api.Events.reminder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.Allocation;
import nl.tijdig.events.Channel;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceSummary;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.PaymentReceived;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.events.ReminderSuppressed;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.notification.MailServer;
import nl.tijdig.notification.ProviderServer;
import nl.tijdig.testing.quarkus.KafkaResource;
import nl.tijdig.testing.quarkus.PostgresResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
@WithTestResource(value = ProviderServer.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ReminderDeliveryTest {

    static final String TENANT = "0193a6f2-0000-7000-8000-0000000000b1";
    static final TenantId T = new TenantId(UUID.fromString(TENANT));

    @Inject
    Pool pool;

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void every_kind_of_letter_in_dutch_and_english_arrives_as_html_text_and_pdf_with_what_the_debtor_needs() throws Exception {
        // given a reminder of every kind in both languages, built from the dunning-service's contract example
        List<ReminderDue> reminders = new ArrayList<>();
        for (ReminderDue.Kind kind : ReminderDue.Kind.values()) {
            for (String language : List.of("nl", "en")) {
                Money costs = kind == ReminderDue.Kind.FOURTEEN_DAY_LETTER || kind == ReminderDue.Kind.FINAL_NOTICE
                        ? Money.eur("131.00") : Money.eur("0.00");
                ReminderDue r = reminder(T, kind, language, kind.name().toLowerCase() + "." + language + "@debtor.test", costs,
                        List.of(Channel.EMAIL));
                // a creditor that cannot deduct VAT: the costs include VAT, and the letter says how much
                reminders.add(!costs.isPositive() ? r : new ReminderDue(r.tenantId(), r.caseId(), r.reminderId(), r.step(),
                        r.kind(), r.channels(), r.debtor(), r.creditor(), r.invoices(), r.totalOpen(), r.collectionCosts(),
                        r.interest(), r.totalDue(), r.paymentReference(), r.payLink(), r.letterDate(), r.payWithinDays(),
                        Money.eur("22.74"), r.occurredAt()));
            }
        }
        // when dunning publishes them
        reminders.forEach(Events::publish);

        // then each arrives once, by email, with the letter as HTML, text and PDF
        List<ReminderSent> sent = published(T, ReminderSent.class, reminders.size());
        for (ReminderDue r : reminders) {
            String address = r.debtor().email();
            List<MimeMessage> messages = MailServer.to(address);
            assertThat(messages).as(address).hasSize(1);
            assertThat(Mails.messageIds(messages.get(0))).as("one Message-ID").isEqualTo(1);
            Mails mail = Mails.read(messages.get(0));
            boolean en = r.debtor().language().equals("en");
            ReminderSent event = sent.stream().filter(s -> s.reminderId().equals(r.reminderId())).findFirst().orElseThrow();
            assertThat(event.channel()).isEqualTo(Channel.EMAIL);
            assertThat(event.recipient()).isEqualTo(address);
            assertThat(event.providerMessageId()).isEqualTo(mail.messageId()).endsWith("@tijdig.local>");
            assertThat(event.contentHash()).matches("[0-9a-f]{64}");
            assertThat(mail.subject()).contains("2026-00042, 2026-00057");
            assertThat(mail.from()).contains("Schoonmaakbedrijf Helder B.V.");
            assertThat(mail.replyTo()).contains("debiteuren@helder.nl");
            assertThat(mail.pdfName()).endsWith("-2026-00042.pdf");
            for (String text : List.of(mail.flatText(), mail.pdfText())) {
                assertThat(text).as(r.kind() + " " + r.debtor().language())
                        .contains("Bakkerij De Gouden Korst B.V.", "NL91ABNA0417164300", "5000056789012345",
                                "https://pay.example.nl/p/8f2k1", "2026-00042", "2026-00057",
                                en ? "If your payment crossed this letter, please ignore it."
                                        : "Heeft u inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen.",
                                en ? "22 October 2026" : "22 oktober 2026",
                                en ? "€ 589.00" : "€ 589,00");
                if (r.kind() == ReminderDue.Kind.FOURTEEN_DAY_LETTER) {
                    assertThat(text).contains(en ? "within fourteen days after the day you receive this letter"
                            : "binnen veertien dagen na de dag van ontvangst van deze brief", en ? "€ 131.00" : "€ 131,00");
                }
                if (r.collectionCosts().isPositive()) {
                    assertThat(text).contains(en ? "(including € 22.74 VAT)" : "(inclusief € 22,74 btw)");
                }
                if (r.kind() == ReminderDue.Kind.FINAL_NOTICE) {
                    assertThat(text).contains(en ? "€ 131.00" : "€ 131,00", en ? "€ 1,083.00" : "€ 1.083,00");
                }
            }
            assertThat(mail.html()).contains("<html").contains("NL91ABNA0417164300");
            // and the log keeps what was sent: the same PDF, the same hash
            String id = event.communicationId().toString();
            given().when().get("/communications/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.is("SENT"))
                    .body("contentHash", org.hamcrest.Matchers.is(event.contentHash()))
                    .body("providerMessageId", org.hamcrest.Matchers.is(mail.messageId()))
                    .body("attempts", org.hamcrest.Matchers.is(1));
            byte[] pdf = given().when().get("/communications/" + id + "/letter.pdf").then().statusCode(200)
                    .contentType("application/pdf").extract().asByteArray();
            assertThat(pdf).isEqualTo(mail.pdf());
        }
        given().queryParam("caseId", reminders.get(0).caseId().value().toString()).when().get("/communications").then()
                .statusCode(200).body("size()", org.hamcrest.Matchers.is(1));
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void the_contract_example_itself_is_sent() {
        // given the dunning-service's example ReminderDue, as published
        ReminderDue example = EventExamples.event(ReminderDue.class);
        // when it arrives
        Events.publish(example);
        // then the debtor of the example gets it, and ReminderSent follows
        await().atMost(Events.WAIT).until(() -> !MailServer.to(example.debtor().email()).isEmpty());
        Mails mail = Mails.read(MailServer.to(example.debtor().email()).get(0));
        assertThat(mail.subject()).isEqualTo("Betalingsherinnering: factuur 2026-00042, 2026-00057");
        assertThat(published(example.tenantId(), ReminderSent.class, 1).get(0).reminderId()).isEqualTo(example.reminderId());
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_reminder_delivered_twice_is_sent_once() {
        // given a reminder
        TenantId tenant = new TenantId(UUID.randomUUID());
        ReminderDue r = reminder(tenant, ReminderDue.Kind.REMINDER, "nl", "twice@debtor.test");
        // when it arrives twice (redelivered under a new event id)
        Events.publish(r);
        Events.publish(r);
        // then one email and one ReminderSent
        published(tenant, ReminderSent.class, 1);
        assertThat(MailServer.to("twice@debtor.test")).hasSize(1);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_reminder_for_invoices_paid_since_is_not_sent() {
        // given both invoices of a reminder were paid (the payment-service's example, for each invoice)
        TenantId tenant = new TenantId(UUID.randomUUID());
        ReminderDue r = reminder(tenant, ReminderDue.Kind.FINAL_NOTICE, "nl", "paid@debtor.test");
        PaymentReceived example = EventExamples.event(PaymentReceived.class);
        for (InvoiceSummary invoice : r.invoices()) {
            Events.publish(new PaymentReceived(tenant, new nl.tijdig.kernel.PaymentId(UUID.randomUUID()), example.debtorId(),
                    invoice.open(), example.valueDate(), example.source(), example.payerName(), example.payerIban(),
                    example.remittanceInformation(), List.of(new Allocation(invoice.invoiceId(), invoice.open(), Money.eur("0.00"))),
                    Money.eur("0.00"), Instant.parse("2026-10-22T06:00:00Z")));
        }
        await().atMost(Events.WAIT).until(() -> pool.preparedQuery("SELECT count(*) FROM paid_invoices WHERE tenant_id = $1")
                .execute(Tuple.of(tenant.value())).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == 2);
        // when dunning, not yet aware, asks for a final notice
        Events.publish(r);
        // then nothing goes to the debtor: the reminder is suppressed
        ReminderSuppressed suppressed = published(tenant, ReminderSuppressed.class, 1).get(0);
        assertThat(suppressed.reminderId()).isEqualTo(r.reminderId());
        assertThat(suppressed.reason()).isEqualTo(ReminderSuppressed.Reason.PAID);
        assertThat(suppressed.invoiceIds()).containsExactlyInAnyOrderElementsOf(
                r.invoices().stream().map(InvoiceSummary::invoiceId).toList());
        published(tenant, ReminderSent.class, 0);
        assertThat(MailServer.to("paid@debtor.test")).isEmpty();
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void a_refused_address_fails_the_reminder_at_once_and_a_missing_one_before_sending() {
        // given a debtor whose address the SMTP server refuses, and one without an email address
        TenantId tenant = new TenantId(UUID.randomUUID());
        ReminderDue refused = reminder(tenant, ReminderDue.Kind.REMINDER, "nl", "nobody@" + MailServer.REJECTING_DOMAIN);
        ReminderDue none = reminder(tenant, ReminderDue.Kind.REMINDER, "en", null);
        // when dunning asks for both
        Events.publish(refused);
        Events.publish(none);
        // then both fail permanently, so dunning can fall back to a letter
        List<NotificationFailed> failed = published(tenant, NotificationFailed.class, 2);
        NotificationFailed smtp = failed.stream().filter(f -> f.reminderId().equals(refused.reminderId())).findFirst().orElseThrow();
        assertThat(smtp.permanent()).isTrue();
        assertThat(smtp.reason()).contains("550");
        NotificationFailed missing = failed.stream().filter(f -> f.reminderId().equals(none.reminderId())).findFirst().orElseThrow();
        assertThat(missing.permanent()).isTrue();
        assertThat(missing.reason()).isEqualTo("the debtor has no email address");
        published(tenant, ReminderSent.class, 0);
    }

    @Test
    @TestSecurity(user = "integrator", roles = "integrator", attributes = @SecurityAttribute(key = "tenant_id", value = TENANT))
    void an_email_that_bounces_later_fails_the_reminder() throws Exception {
        // given a reminder that was sent (the SMTP server took it)
        TenantId tenant = new TenantId(UUID.randomUUID());
        ReminderDue r = reminder(tenant, ReminderDue.Kind.REMINDER, "nl", "bounce-later@debtor.test");
        Events.publish(r);
        ReminderSent sent = published(tenant, ReminderSent.class, 1).get(0);
        // when the debtor's mail server returns it: a DSN on the bounce address naming its Message-ID
        String dsn = """
                From: MAILER-DAEMON@mx.debtor.test\r
                To: %s\r
                Subject: Undelivered Mail Returned to Sender\r
                MIME-Version: 1.0\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"\r
                \r
                --dsn-boundary\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --dsn-boundary\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.debtor.test\r
                \r
                Final-Recipient: rfc822; bounce-later@debtor.test\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 <bounce-later@debtor.test>: mailbox unavailable\r
                \r
                --dsn-boundary\r
                Content-Type: text/rfc822-headers\r
                \r
                Message-ID: %s\r
                Subject: Betalingsherinnering\r
                \r
                --dsn-boundary--\r
                """.formatted(MailServer.BOUNCES, sent.providerMessageId());
        jakarta.mail.internet.MimeMessage report = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(dsn.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        MailServer.server().getUserManager().getUser(MailServer.BOUNCES).deliver(report);
        // then the reminder has failed on email, permanently, saying why; the log shows it bounced
        NotificationFailed failed = published(tenant, NotificationFailed.class, 1).get(0);
        assertThat(failed.reminderId()).isEqualTo(r.reminderId());
        assertThat(failed.channel()).isEqualTo(Channel.EMAIL);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).contains("5.1.1", "mailbox unavailable", "bounce-later@debtor.test");
        var row = pool.preparedQuery("SELECT status, sent_at FROM communications WHERE communication_id = $1")
                .execute(Tuple.of(sent.communicationId())).await().atMost(Duration.ofSeconds(5)).iterator().next();
        assertThat(row.getString("status")).isEqualTo("BOUNCED");
        assertThat(row.getOffsetDateTime("sent_at")).isNotNull();
        // and the report was taken out of the mailbox
        await().atMost(Events.WAIT).until(() -> MailServer.to(MailServer.BOUNCES).isEmpty());
    }
}
