package nl.tijdig.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.tijdig.kernel.PublicTarget;
import nl.tijdig.kernel.Violation;

/**
 * A tenant's webhook subscription as asked for: a target URL (see {@link PublicTarget}), the event types it
 * wants (each from the public catalogue, at least one, at most {@value #MAX_TYPES}) and an optional
 * description (at most {@value #MAX_DESCRIPTION} characters).
 */
public record WebhookRequest(String url, List<String> eventTypes, String description) {

    public static final int MAX_TYPES = 100;
    public static final int MAX_DESCRIPTION = 200;

    public WebhookRequest {
        url = url == null ? null : url.trim();
        eventTypes = eventTypes == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(eventTypes));
        description = description == null || description.isBlank() ? null : description.trim();
    }

    /** The event types, each once, in the order asked. */
    public List<String> types() {
        return List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    /** What is wrong with the request, field by field; empty when it may be saved. */
    public List<Violation> check(Set<String> catalogue, PublicTarget.Rules rules, PublicTarget.Resolver resolver) {
        List<Violation> violations = new ArrayList<>();
        PublicTarget.refusal(url, rules, resolver).ifPresent(why -> violations.add(new Violation("url", why)));
        if (eventTypes.isEmpty()) {
            violations.add(new Violation("eventTypes", "name at least one event type of the catalogue (GET /webhook-subscriptions/event-types)"));
        } else if (eventTypes.size() > MAX_TYPES) {
            violations.add(new Violation("eventTypes", "at most " + MAX_TYPES + " event types"));
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (type == null || !catalogue.contains(type)) {
                violations.add(new Violation("eventTypes[" + i + "]", "'" + type + "' is not an event type of the catalogue, e.g. "
                        + "nl.tijdig.payment.PaymentReceived.v1"));
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        return violations;
    }
}
