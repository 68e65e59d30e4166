package nl.tijdig.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.events.CreditorSnapshot;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.WeeklyOverviewCompiled;
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
class WeeklyOverviewMailTest {

    @Test
    void the_weekly_overview_reaches_the_creditor_once_even_when_its_address_arrives_later() throws Exception {
        // given dunning compiled a tenant's weekly overview (its contract example), delivered twice
        TenantId tenant = new TenantId(UUID.randomUUID());
        WeeklyOverviewCompiled e = EventExamples.event(WeeklyOverviewCompiled.class);
        WeeklyOverviewCompiled overview = new WeeklyOverviewCompiled(tenant, UUID.randomUUID(), e.week(), e.on(), e.openTotal(),
                e.openCount(), e.overdueTotal(), e.overdueCount(), e.aging(), e.dsoDays(), e.paidInWeek(), e.newlyOverdue(),
                e.attention(), e.oldestOverdue(), e.moreOverdue(), e.occurredAt());
        Events.publish(overview);
        Events.publish(overview);
        // and only then the creditor's address (the invoice-service's example)
        Thread.sleep(Duration.ofSeconds(2));
        CreditorProfileUpdated p = EventExamples.event(CreditorProfileUpdated.class);
        String address = "weekly-" + UUID.randomUUID() + "@helder.test";
        CreditorSnapshot c = p.creditor();
        Events.publish(new CreditorProfileUpdated(tenant, new CreditorSnapshot(c.name(), c.kvkNumber(), c.vatId(), c.iban(), c.bic(),
                address, c.address()), p.logoUrl(), p.footer(), p.b2bTermDays(), p.b2cTermDays(), p.invoiceSeries(), p.occurredAt()));
        // then the creditor gets it, once, with what it needs to know
        await().atMost(Events.WAIT).until(() -> !MailServer.to(address).isEmpty());
        Thread.sleep(Duration.ofSeconds(3));
        assertThat(MailServer.to(address)).hasSize(1);
        Mails mail = Mails.read(MailServer.to(address).get(0));
        assertThat(mail.subject()).isEqualTo("Weekoverzicht debiteuren 2026-W48 — Schoonmaakbedrijf Helder B.V.");
        assertThat(mail.messageId()).isEqualTo("<" + overview.overviewId() + "@tijdig.local>");
        assertThat(mail.flatText()).contains("6 openstaande facturen, samen € 4.829,50", "3 vervallen, samen € 2.210,00",
                "Deze week betaald: € 1.500,00", "DSO (90 dagen): 41,3 dagen", "1 wachten op uw akkoord voor overdracht aan incasso",
                "1 met een betalingsbelofte", "2026-00017", "Bakkerij De Gouden Korst B.V.", "114", "€ 411,00");
        assertThat(mail.html()).contains("<table");
    }
}
