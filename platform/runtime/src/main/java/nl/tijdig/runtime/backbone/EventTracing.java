package nl.tijdig.runtime.backbone;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.TraceContext;
import nl.tijdig.eventstore.inbox.EventHandler;

/**
 * One trace across REST and Kafka: an event carries the W3C trace context its producer was in (CloudEvents
 * distributed-tracing extension, the {@code traceparent} and {@code tracestate} headers), and a consumer handles it
 * in a CONSUMER span that continues that trace, so what the handler publishes in turn carries it on.
 */
public final class EventTracing {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<TraceContext> FROM_EVENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> carrier.traceparent();
                case "tracestate" -> carrier.tracestate();
                default -> null;
            };
        }
    };

    private EventTracing() {
    }

    /** The trace the calling code is in, as an event carries it; NONE outside a (sampled or not) valid span. */
    public static TraceContext current() {
        if (!Span.current().getSpanContext().isValid()) {
            return TraceContext.NONE;
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        return new TraceContext(headers.get("traceparent"), headers.get("tracestate"));
    }

    /**
     * {@code handler} run in a CONSUMER span whose parent is the trace the event carries; a batch of events that the
     * handler does together runs in one span linked to each event's trace.
     */
    public static EventHandler consuming(Tracer tracer, String consumer, EventHandler handler) {
        return new EventHandler() {
            @Override
            public Uni<Void> handle(SqlConnection tx, EventEnvelope event) {
                Context parent = W3C.extract(Context.root(), event.trace(), FROM_EVENT);
                Span span = tracer.spanBuilder(consumer + " process " + event.type().type())
                        .setParent(parent)
                        .setSpanKind(SpanKind.CONSUMER)
                        .setAttribute("messaging.system", "kafka")
                        .setAttribute("messaging.operation.type", "process")
                        .setAttribute("messaging.destination.name", event.type().topic())
                        .setAttribute("messaging.consumer.group.name", consumer)
                        .setAttribute("messaging.message.id", event.id().toString())
                        .setAttribute("cloudevents.event_type", event.type().type())
                        .startSpan();
                return within(span, () -> handler.handle(tx, event));
            }

            @Override
            public Uni<Void> handleAll(SqlConnection tx, List<EventEnvelope> events) {
                if (events.size() == 1) {
                    return handle(tx, events.get(0));
                }
                var builder = tracer.spanBuilder(consumer + " process")
                        .setNoParent()
                        .setSpanKind(SpanKind.CONSUMER)
                        .setAttribute("messaging.system", "kafka")
                        .setAttribute("messaging.operation.type", "process")
                        .setAttribute("messaging.consumer.group.name", consumer)
                        .setAttribute("messaging.batch.message_count", (long) events.size());
                for (EventEnvelope event : events) {
                    var linked = Span.fromContext(W3C.extract(Context.root(), event.trace(), FROM_EVENT)).getSpanContext();
                    if (linked.isValid()) {
                        builder.addLink(linked);
                    }
                }
                return within(builder.startSpan(), () -> handler.handleAll(tx, events));
            }
        };
    }

    private static Uni<Void> within(Span span, java.util.function.Supplier<Uni<Void>> work) {
        try (Scope scope = span.makeCurrent()) {
            return work.get()
                    .onFailure().invoke(failure -> {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR);
                    })
                    .onTermination().invoke(span::end);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            span.end();
            throw e;
        }
    }
}
