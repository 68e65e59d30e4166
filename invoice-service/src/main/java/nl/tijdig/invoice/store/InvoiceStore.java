package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceEvent;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.invoice.domain.CreditNoteDecider;
import nl.tijdig.invoice.domain.InvoiceEvents;
import nl.tijdig.invoice.domain.InvoiceState;
import nl.tijdig.invoice.domain.IssuedInvoice;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/** Invoices as event streams (one per invoice): InvoiceIssued, then InvoiceCredited or InvoiceCancelled. */
@ApplicationScoped
public class InvoiceStore extends EventStreams {

    static final String STREAM_TYPE = "invoice";

    /** An invoice as issued, its state after credit notes and cancellation, and its stream version. */
    public record Loaded(InvoiceIssued issued, InvoiceState state, long version) {
    }

    InvoiceStore() {
        super(STREAM_TYPE);
    }

    @Inject
    InvoiceIndex index;

    public Uni<InvoiceIssued> issue(SqlConnection tx, TenantId tenant, IssuedInvoice invoice) {
        InvoiceIssued event = InvoiceEvents.issued(tenant, invoice, clock.instant());
        return publish(tx, tenant, invoice.invoiceId().value(), 0, event)
                .flatMap(ignored -> index.issued(tx, event)).replaceWith(event);
    }

    /**
     * Issues many invoices in one append (each a new stream) and indexes them in one statement: all or nothing, in
     * the caller's transaction.
     */
    public Uni<List<InvoiceIssued>> issueAll(SqlConnection tx, TenantId tenant, List<IssuedInvoice> batch) {
        java.time.Instant now = clock.instant();
        List<InvoiceIssued> events = batch.stream().map(invoice -> InvoiceEvents.issued(tenant, invoice, now)).toList();
        List<nl.tijdig.eventstore.EventStore.StreamAppend> appends = events.stream()
                .map(event -> new nl.tijdig.eventstore.EventStore.StreamAppend(
                        new nl.tijdig.eventstore.StreamRef(event.invoiceId().value(), STREAM_TYPE), 0,
                        List.of(nl.tijdig.eventstore.NewEvent.published(ids.next(), event))))
                .toList();
        return store.appendAll(tx, tenant, appends).chain(() -> index.issuedAll(tx, events)).replaceWith(events);
    }

    /** The invoice with its state, if this tenant has it. */
    public Uni<Optional<Loaded>> load(SqlClient client, TenantId tenant, InvoiceId id) {
        return read(client, tenant, id.value()).map(stream -> {
            InvoiceEvents.Invoice invoice = null;
            for (InvoiceEvent event : stream.events()) {
                invoice = InvoiceEvents.evolve(invoice, event);
            }
            return invoice == null ? Optional.empty()
                    : Optional.of(new Loaded(invoice.issued(), invoice.state(), stream.version()));
        });
    }

    public Uni<InvoiceCredited> credit(SqlConnection tx, TenantId tenant, Loaded invoice, InvoiceId creditNoteId,
            String number, CreditNoteDecider.Credit credit, LocalDate creditDate, String reason) {
        InvoiceCredited event = InvoiceEvents.credited(tenant, invoice.issued().invoiceId(), creditNoteId, number, credit,
                creditDate, reason, clock.instant());
        return append(tx, tenant, invoice, event)
                .flatMap(ignored -> index.credited(tx, tenant, invoice.issued().invoiceId().value(), creditNoteId.value(), number,
                        credit.amountInclVat()))
                .replaceWith(event);
    }

    public Uni<Void> cancel(SqlConnection tx, TenantId tenant, Loaded invoice, String reason, LocalDate cancelDate) {
        return append(tx, tenant, invoice, InvoiceEvents.cancelled(tenant, invoice.issued().invoiceId(), reason, cancelDate,
                clock.instant())).flatMap(ignored -> index.cancelled(tx, tenant, invoice.issued().invoiceId().value()));
    }

    private Uni<Void> append(SqlConnection tx, TenantId tenant, Loaded invoice, InvoiceEvent event) {
        return publish(tx, tenant, invoice.issued().invoiceId().value(), invoice.version(), event);
    }
}
