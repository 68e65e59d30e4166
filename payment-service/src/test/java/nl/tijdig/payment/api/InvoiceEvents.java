package nl.tijdig.payment.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.tijdig.events.CloudEventsKafka;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.events.TraceContext;
import nl.tijdig.events.WireMessage;
import nl.tijdig.eventstore.outbox.OutboxRelay;
import nl.tijdig.kernel.Betalingskenmerk;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.Segment;
import nl.tijdig.kernel.TenantId;
import nl.tijdig.testing.quarkus.KafkaResource;
import org.apache.kafka.clients.producer.Producer;

/** The invoice-service's events as a stand-in producer publishes them (shapes from its contract). */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    /** An issued invoice of {@code total} (VAT 21 % included), due 30 days after issue. */
    static InvoiceIssued issued(TenantId tenant, DebtorId debtor, String debtorName, String debtorIban, String number,
            long reference, String total, LocalDate issueDate) {
        Money incl = Money.eur(total);
        Money excl = Money.eur(new BigDecimal(total).divide(new BigDecimal("1.21"), 2, java.math.RoundingMode.HALF_UP));
        return new InvoiceIssued(tenant, new InvoiceId(UUID.randomUUID()), number,
                new DebtorSnapshot(debtor, debtorName, Segment.B2B, "nl", null, debtorIban), issueDate,
                issueDate.plusDays(30), excl, incl.minus(excl), incl, Betalingskenmerk.of(reference), Instant.now());
    }

    static void publish(PublicEvent event) {
        send(CloudEventsKafka.standard().encode(EventEnvelope.of(UUID.randomUUID(), event, 1, TraceContext.NONE)));
    }

    static void send(WireMessage message) {
        try (Producer<String, byte[]> producer = OutboxRelay.producer(KafkaResource.broker().bootstrapServers(),
                "invoice-service-stand-in", Map.of())) {
            producer.send(CloudEventsKafka.toProducerRecord(message)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
