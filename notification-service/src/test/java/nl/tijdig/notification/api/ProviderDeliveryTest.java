package nl.tijdig.notification.api;

import static nl.tijdig.notification.api.Events.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import nl.tijdig.events.Channel;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.NotificationFailed;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.kernel.CaseId;
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
class ProviderDeliveryTest {

    /** The contract example, for a new tenant, to a debtor of this name and phone number, on these channels. */
    static ReminderDue reminder(TenantId tenant, String name, String phone, ReminderDue.Kind kind, List<Channel> channels) {
        ReminderDue e = Events.reminder(tenant, kind, "nl", "x@debtor.test", Money.eur("40.00"), channels);
        DebtorContact d = e.debtor();
        return new ReminderDue(tenant, new CaseId(UUID.randomUUID()), UUID.randomUUID(), e.step(), kind, channels,
                new DebtorContact(d.debtorId(), name, d.segment(), d.language(), null, false, phone, d.address(), d.kvkNumber()),
                e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(), e.interest(), e.totalDue(), e.paymentReference(),
                e.payLink(), e.letterDate(), e.payWithinDays(), e.occurredAt());
    }

    @Test
    void a_letter_goes_by_post_after_the_provider_failed_twice_with_the_same_idempotency_key() {
        // given the print-and-post provider is down for two requests
        TenantId tenant = new TenantId(UUID.randomUUID());
        String name = "Drukkerij Storing " + UUID.randomUUID();
        ProviderServer.answerNext(name, 503, 502);
        // when dunning asks for a 14-dagenbrief by letter
        ReminderDue r = reminder(tenant, name, null, ReminderDue.Kind.FOURTEEN_DAY_LETTER, List.of(Channel.LETTER));
        Events.publish(r);
        // then it is handed over on the third attempt, each with the same key, and recorded once
        ReminderSent sent = published(tenant, ReminderSent.class, 1).get(0);
        assertThat(sent.channel()).isEqualTo(Channel.LETTER);
        assertThat(sent.recipient()).isEqualTo("Keizersgracht 123, 1015 CJ  Amsterdam");
        assertThat(sent.providerMessageId()).isEqualTo(sent.communicationId().toString());
        List<ProviderServer.Received> requests = ProviderServer.about(name);
        assertThat(requests).extracting(ProviderServer.Received::answered).containsExactly(503, 502, 201);
        assertThat(requests).extracting(ProviderServer.Received::idempotencyKey).containsOnly(sent.communicationId().toString());
        ProviderServer.Received letter = requests.get(2);
        assertThat(letter.path()).isEqualTo("/letters");
        assertThat(letter.authorization()).isEqualTo("Bearer post-key");
        assertThat(letter.body().path("registered").asBoolean()).isFalse();
        assertThat(letter.body().path("recipient").path("addressLines").toString()).contains("Keizersgracht 123", "1015 CJ  Amsterdam");
        // and what went to the printer is the letter, with the term the law accepts
        String pdf = Mails.pdfText(Base64.getDecoder().decode(letter.body().path("pdf").asText()));
        assertThat(pdf).contains(name, "binnen veertien dagen na de dag van ontvangst van deze brief", "€ 40,00", "NL91ABNA0417164300");
        published(tenant, NotificationFailed.class, 0);
    }

    @Test
    void a_reminder_by_sms_and_registered_letter_goes_to_both_providers() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        String name = "Sms En Aangetekend " + UUID.randomUUID();
        String phone = "+316" + String.format("%08d", (int) (Math.random() * 1e8));
        ReminderDue r = reminder(tenant, name, phone, ReminderDue.Kind.REMINDER, List.of(Channel.SMS, Channel.REGISTERED_LETTER));
        Events.publish(r);
        List<ReminderSent> sent = published(tenant, ReminderSent.class, 2);
        assertThat(sent).extracting(ReminderSent::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.REGISTERED_LETTER);
        ProviderServer.Received sms = ProviderServer.about(phone).get(0);
        assertThat(sms.path()).isEqualTo("/messages");
        assertThat(sms.authorization()).isEqualTo("Bearer sms-key");
        assertThat(sms.body().path("body").asText()).startsWith("Schoonmaakbedrijf Helder B.V.: factuur 2026-00042, 2026-00057")
                .contains("NL91ABNA0417164300", "5000056789012345", "https://pay.example.nl/p/8f2k1",
                        "Al betaald? Dan kunt u dit bericht negeren.")
                .hasSizeLessThanOrEqualTo(459);
        assertThat(ProviderServer.about(name)).singleElement()
                .satisfies(letter -> assertThat(letter.body().path("registered").asBoolean()).isTrue());
    }

    @Test
    void a_provider_that_refuses_the_request_fails_it_at_once() {
        TenantId tenant = new TenantId(UUID.randomUUID());
        String phone = "+316" + String.format("%08d", (int) (Math.random() * 1e8));
        ProviderServer.answerNext(phone, 422);
        Events.publish(reminder(tenant, "Onbereikbaar", phone, ReminderDue.Kind.REMINDER, List.of(Channel.SMS)));
        NotificationFailed failed = published(tenant, NotificationFailed.class, 1).get(0);
        assertThat(failed.channel()).isEqualTo(Channel.SMS);
        assertThat(failed.permanent()).isTrue();
        assertThat(failed.reason()).contains("HTTP 422");
        assertThat(ProviderServer.about(phone)).hasSize(1);
    }
}
