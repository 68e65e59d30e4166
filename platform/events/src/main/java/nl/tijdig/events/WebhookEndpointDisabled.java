package nl.tijdig.events;

import static nl.tijdig.events.Values.required;
import static nl.tijdig.events.Values.text;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.TenantId;

/**
 * A tenant's webhook subscription was disabled because its endpoint failed every delivery since
 * {@code failingSince} ({@code lastError}: the last attempt's outcome). Deliveries for it wait until a
 * tenant administrator enables it again. Key: subscriptionId.
 */
public record WebhookEndpointDisabled(TenantId tenantId, UUID subscriptionId, String url, Instant failingSince,
        String lastError, Instant occurredAt) implements NotificationEvent {

    public WebhookEndpointDisabled {
        required(tenantId, "tenantId");
        required(subscriptionId, "subscriptionId");
        text(url, "url");
        required(failingSince, "failingSince");
        text(lastError, "lastError");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return subscriptionId;
    }
}
