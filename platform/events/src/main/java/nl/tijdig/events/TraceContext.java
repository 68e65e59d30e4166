package nl.tijdig.events;

/**
 * W3C trace context carried with an event ({@code traceparent}, {@code tracestate}); both may be null
 * when the producer was not traced.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);
}
