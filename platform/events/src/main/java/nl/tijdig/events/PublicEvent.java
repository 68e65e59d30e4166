package nl.tijdig.events;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * A fact one service publishes for the others: immutable, named in the past tense or for a state
 * reached, carrying the tenant, the aggregate whose stream it belongs to, and the business data its
 * consumers need (so no consumer calls the producer back). Its wire name, version and topic are in
 * {@link EventCatalogue}; its JSON Schema and examples are in this module's resources.
 */
public sealed interface PublicEvent permits InvoiceEvent, PaymentEvent, DunningEvent, NotificationEvent,
        CollectionEvent {

    TenantId tenantId();

    /** The id of the aggregate whose stream the event belongs to; also the Kafka key. */
    UUID aggregateId();

    /** When the fact happened (the producer's clock). */
    Instant occurredAt();
}
