package nl.tijdig.events;

/**
 * The five bounded contexts; each is one service that publishes on one topic. Dead letters of a
 * consumer go to {@code <topic>.dlq.<consumer>}.
 */
public enum BoundedContext {
    INVOICE("invoice", "invoice-service"),
    PAYMENT("payment", "payment-service"),
    DUNNING("dunning", "dunning-service"),
    NOTIFICATION("notification", "notification-service"),
    COLLECTION("collection", "collection-gateway");

    private final String id;
    private final String service;

    BoundedContext(String id, String service) {
        this.id = id;
        this.service = service;
    }

    /** The short name used in event types: {@code nl.tijdig.<id>.<Name>.v<N>}. */
    public String id() {
        return id;
    }

    public String service() {
        return service;
    }

    /** The one topic the context's service publishes on, e.g. {@code tijdig.invoice.v1}. */
    public String topic() {
        return "tijdig." + id + ".v1";
    }

    /** The CloudEvents {@code source} of its events, e.g. {@code /tijdig/invoice-service}. */
    public String source() {
        return "/tijdig/" + service;
    }

    /** The dead-letter topic of one consumer group of a topic. */
    public static String deadLetterTopic(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }
}
