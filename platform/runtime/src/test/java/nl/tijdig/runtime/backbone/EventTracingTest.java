package nl.tijdig.runtime.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.tijdig.events.EventEnvelope;
import nl.tijdig.events.EventExamples;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.TraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventTracingTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void a_consumer_handles_an_event_in_the_trace_it_carries_and_what_it_publishes_carries_that_trace_on() {
        // given an event published inside a trace (an integrator's POST /invoices)
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), EventExamples.event(InvoiceIssued.class), 1,
                new TraceContext("00-" + traceId + "-00f067aa0ba902b7-01", null));

        // when a consumer handles it, and appends an event of its own while doing so
        AtomicReference<TraceContext> published = new AtomicReference<>();
        EventTracing.consuming(tracer, "dunning-service.invoices", (tx, e) -> {
            published.set(EventTracing.current());
            return Uni.createFrom().voidItem();
        }).handle(null, event).await().indefinitely();

        // then one CONSUMER span of that trace was recorded, child of the producer's span
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        SpanData span = exported.getFinishedSpanItems().get(0);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getTraceId()).isEqualTo(traceId);
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getName()).isEqualTo("dunning-service.invoices process nl.tijdig.invoice.InvoiceIssued.v1");
        // and the event the handler published carries the same trace, with the consumer's span as parent
        assertThat(published.get().traceparent()).isEqualTo("00-" + traceId + "-" + span.getSpanId() + "-01");
    }

    @Test
    void outside_a_trace_an_event_carries_none() {
        assertThat(EventTracing.current()).isEqualTo(TraceContext.NONE);
    }

    @Test
    void a_failing_handler_ends_its_span_as_an_error() {
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID(), EventExamples.event(InvoiceIssued.class), 1, TraceContext.NONE);
        Uni<Void> handled = EventTracing.consuming(tracer, "c", (tx, e) -> Uni.createFrom().failure(new IllegalStateException("x")))
                .handle(null, event);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handled.await().indefinitely()).hasMessage("x");
        assertThat(exported.getFinishedSpanItems()).singleElement()
                .satisfies(s -> assertThat(s.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR));
    }

    @Test
    void given_a_handler_that_batches_when_it_handles_events_together_then_the_wrapper_keeps_the_batch_in_one_span_linked_to_each_trace() {
        // given two events of two traces and a handler that does a batch in one go
        EventEnvelope first = EventEnvelope.of(UUID.randomUUID(), EventExamples.event(InvoiceIssued.class), 1,
                new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null));
        EventEnvelope second = EventEnvelope.of(UUID.randomUUID(), EventExamples.event(InvoiceIssued.class), 1,
                new TraceContext("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null));
        java.util.List<Integer> batches = new java.util.ArrayList<>();
        nl.tijdig.eventstore.inbox.EventHandler batching = new nl.tijdig.eventstore.inbox.EventHandler() {
            @Override
            public Uni<Void> handle(io.vertx.mutiny.sqlclient.SqlConnection tx, EventEnvelope event) {
                batches.add(1);
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<Void> handleAll(io.vertx.mutiny.sqlclient.SqlConnection tx, java.util.List<EventEnvelope> events) {
                batches.add(events.size());
                return Uni.createFrom().voidItem();
            }
        };

        // when the traced wrapper is given both at once
        EventTracing.consuming(tracer, "dunning-service.invoices", batching).handleAll(null, java.util.List.of(first, second))
                .await().indefinitely();

        // then the handler got them as one batch, in one CONSUMER span that links both producers' spans
        assertThat(batches).containsExactly(2);
        SpanData span = exported.getFinishedSpanItems().get(0);
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(span.getLinks()).extracting(link -> link.getSpanContext().getSpanId())
                .containsExactly("00f067aa0ba902b7", "b7ad6b7169203331");
    }
}
