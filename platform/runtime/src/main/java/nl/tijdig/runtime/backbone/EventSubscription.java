package nl.tijdig.runtime.backbone;

import java.util.Set;
import nl.tijdig.eventstore.inbox.EventHandler;

/**
 * A service's consumer of other services' events, as a CDI bean: the runtime starts one Kafka
 * consumer (group = {@link #name()}) per subscription and runs {@link #handler()} through the inbox.
 */
public interface EventSubscription {

    /** Consumer group, inbox key and dead-letter suffix, e.g. {@code dunning-service.invoices}. */
    String name();

    Set<String> topics();

    EventHandler handler();
}
