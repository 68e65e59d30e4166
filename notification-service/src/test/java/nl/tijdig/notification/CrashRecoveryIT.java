package nl.tijdig.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.DebtorContact;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.ReminderDue;
import nl.tijdig.events.ReminderSent;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.CaseId;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.kafka.KafkaBroker;
import nl.tijdig.testing.kafka.TopicProbe;
import nl.tijdig.testing.postgres.PostgresServer;
import nl.tijdig.testing.process.Ports;
import nl.tijdig.testing.service.ServiceProcess;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in its own JVM (after {@code package}: its own Surefire execution in
 * {@code integration-test}), killed with SIGKILL the moment the SMTP server has the email and before the
 * service hears "250 OK", so it cannot have recorded the send. After the restart it sends again — the same
 * letter with the same Message-ID, so the duplicate is recognisable — and records it once.
 */
class CrashRecoveryIT {

    static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void a_service_killed_between_handing_an_email_over_and_recording_it_sends_it_again_with_the_same_message_id()
            throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startNew(); PostgresServer postgres = PostgresServer.startNew()) {
            postgres.createDatabase("notification");
            AtomicReference<ServiceProcess> service = new AtomicReference<>();
            AtomicBoolean crashed = new AtomicBoolean();
            int smtpPort = Ports.free();
            GreenMail mail = new MailServer.RejectingGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    () -> {
                        // the first email is stored: the service dies before it is told so
                        if (crashed.compareAndSet(false, true)) {
                            service.get().kill();
                        }
                    });
            mail.start();
            try {
                service.set(ServiceProcess.startNew("notification-service", Path.of("").toAbsolutePath(), Map.of(
                        "quarkus.datasource.reactive.url", postgres.reactiveUrl("notification"),
                        "quarkus.datasource.jdbc.url", postgres.jdbcUrl("notification"),
                        "quarkus.datasource.username", "notification",
                        "quarkus.datasource.password", "notification",
                        "kafka.bootstrap.servers", kafka.bootstrapServers(),
                        "quarkus.oidc.tenant-enabled", "false",
                        "quarkus.mailer.host", "127.0.0.1",
                        "quarkus.mailer.port", String.valueOf(smtpPort),
                        "tijdig.notification.sender.poll", "PT0.2S",
                        "tijdig.notification.webhooks.secret-keys", nl.tijdig.kernel.SecretBox.newKey())));

                // given a reminder from dunning (its contract example, for a new tenant)
                ReminderDue e = EventExamples.event(ReminderDue.class);
                TenantId tenant = new TenantId(UUID.randomUUID());
                DebtorContact d = e.debtor();
                ReminderDue reminder = new ReminderDue(tenant, new CaseId(UUID.randomUUID()), UUID.randomUUID(), e.step(),
                        e.kind(), e.channels(), new DebtorContact(d.debtorId(), d.name(), d.segment(), d.language(),
                                "crash@debtor.test", d.emailAgreed(), d.phone(), d.address(), d.kvkNumber()),
                        e.creditor(), e.invoices(), e.totalOpen(), e.collectionCosts(), e.interest(), e.totalDue(),
                        e.paymentReference(), e.payLink(), e.letterDate(), e.payWithinDays(), e.occurredAt());
                try (Producer<String, byte[]> producer = OutboxRelay.producer(kafka.bootstrapServers(), "dunning-stand-in", Map.of())) {
                    producer.send(CloudEventsKafka.toProducerRecord(CloudEventsKafka.standard().encode(
                            EventEnvelope.of(UUID.randomUUID(), reminder, 1, TraceContext.NONE)))).get();
                }

                // when the service is killed after handing the email over, before recording it
                await().atMost(WAIT).until(() -> crashed.get() && !service.get().isRunning());
                assertThat(mail.getReceivedMessages()).hasSize(1);
                // and started again
                service.get().restart();

                // then, when the attempt's lease has run out, the email goes again: the same letter, the same Message-ID
                await().atMost(WAIT).until(() -> mail.getReceivedMessages().length >= 2);
                List<MimeMessage> received = Arrays.asList(mail.getReceivedMessages());
                assertThat(received).hasSize(2);
                String first = received.get(0).getHeader("Message-ID", null);
                assertThat(first).endsWith("@tijdig.local>");
                assertThat(received.get(1).getHeader("Message-ID", null)).isEqualTo(first);
                assertThat(received.get(1).getSubject()).isEqualTo(received.get(0).getSubject());
                // and it is recorded once: one ReminderSent, naming that Message-ID
                List<ReminderSent> sent = TopicProbe.read(kafka.bootstrapServers(), "tijdig.notification.v1",
                                r -> "nl.tijdig.notification.ReminderSent.v1".equals(TopicProbe.header(r, CloudEventsKafka.TYPE)),
                                Integer.MAX_VALUE, Duration.ofSeconds(10)).stream()
                        .map(r -> (ReminderSent) ((CloudEventsKafka.Known) CloudEventsKafka.standard().decode(r)).envelope().data())
                        .toList();
                assertThat(sent).hasSize(1);
                assertThat(sent.get(0).reminderId()).isEqualTo(reminder.reminderId());
                assertThat(sent.get(0).providerMessageId()).isEqualTo(first);
                // nothing more within another lease
                Thread.sleep(Duration.ofSeconds(2));
                assertThat(mail.getReceivedMessages()).hasSize(2);
            } finally {
                if (service.get() != null) {
                    service.get().close();
                }
                mail.stop();
            }
        }
    }
}
