package nl.tijdig.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import nl.tijdig.events.BoundedContext;
import nl.tijdig.events.CreditorProfileUpdated;
import nl.tijdig.eventstore.inbox.EventHandler;
import nl.tijdig.notification.store.OverviewMails;
import nl.tijdig.runtime.backbone.EventSubscription;

/**
 * Follows the invoice-service for the creditors' own address (CreditorProfileUpdated): where the weekly
 * overview goes. Built against the invoice-service's contract example.
 */
@ApplicationScoped
public class InvoicesSubscription implements EventSubscription {

    public static final String NAME = "notification-service.invoices";

    @Inject
    OverviewMails overviewMails;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.INVOICE.topic());
    }

    @Override
    public EventHandler handler() {
        return (tx, event) -> switch (event.data()) {
            case CreditorProfileUpdated profile -> overviewMails.creditor(tx, profile);
            default -> Uni.createFrom().voidItem();
        };
    }
}
