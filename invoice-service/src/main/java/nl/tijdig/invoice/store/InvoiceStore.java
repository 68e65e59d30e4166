package nl.tijdig.invoice.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EarlyPaymentDiscount;
import nl.tijdig.events.InvoiceCancelled;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.LineItem;
import nl.tijdig.events.VatAmount;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.invoice.domain.CreditNoteDecider;
import nl.tijdig.invoice.domain.InvoiceAmounts;
import nl.tijdig.invoice.domain.InvoiceLine;
import nl.tijdig.invoice.domain.InvoiceState;
import nl.tijdig.invoice.domain.IssuedInvoice;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/** Invoices as event streams (one per invoice): InvoiceIssued, then InvoiceCredited or InvoiceCancelled. */
@ApplicationScoped
public class InvoiceStore extends EventStreams {

    static final String STREAM_TYPE = "invoice";
    static final String ISSUED = "nl.tijdig.invoice.InvoiceIssued.v1";
    static final String CREDITED = "nl.tijdig.invoice.InvoiceCredited.v1";
    static final String CANCELLED = "nl.tijdig.invoice.InvoiceCancelled.v1";

    /** An invoice as issued, its state after credit notes and cancellation, and its stream version. */
    public record Loaded(InvoiceIssued issued, InvoiceState state, long version) {
    }

    InvoiceStore() {
        super(STREAM_TYPE);
    }

    @Inject
    InvoiceIndex index;

    public Uni<InvoiceIssued> issue(SqlConnection tx, TenantId tenant, IssuedInvoice invoice) {
        InvoiceIssued event = event(tenant, invoice);
        return publish(tx, tenant, invoice.invoiceId().value(), 0, event)
                .flatMap(ignored -> index.issued(tx, event)).replaceWith(event);
    }

    /** The invoice with its state, if this tenant has it. */
    public Uni<Optional<Loaded>> load(SqlClient client, TenantId tenant, InvoiceId id) {
        return store.load(client, tenant, id.value()).map(events -> {
            InvoiceIssued issued = null;
            InvoiceState state = null;
            for (RecordedEvent event : events) {
                switch (event.type()) {
                    case ISSUED -> {
                        issued = event.as(InvoiceIssued.class);
                        state = InvoiceState.issued(issued.totalInclVat(), issued.vatTotal());
                    }
                    case CREDITED -> {
                        InvoiceCredited credited = event.as(InvoiceCredited.class);
                        state = state.credit(credited.amountInclVat(), credited.vatAmount());
                    }
                    case CANCELLED -> state = state.cancel();
                    default -> {
                        // an event this version does not know changes nothing
                    }
                }
            }
            return issued == null ? Optional.empty()
                    : Optional.of(new Loaded(issued, state, events.get(events.size() - 1).version()));
        });
    }

    public Uni<InvoiceCredited> credit(SqlConnection tx, TenantId tenant, Loaded invoice, InvoiceId creditNoteId,
            String number, CreditNoteDecider.Credit credit, LocalDate creditDate, String reason) {
        InvoiceCredited event = new InvoiceCredited(tenant, invoice.issued().invoiceId(), creditNoteId, number,
                credit.amountInclVat(), credit.vat(), creditDate, reason, clock.instant());
        return append(tx, tenant, invoice, event)
                .flatMap(ignored -> index.credited(tx, tenant, invoice.issued().invoiceId().value(), creditNoteId.value(), number,
                        credit.amountInclVat()))
                .replaceWith(event);
    }

    public Uni<Void> cancel(SqlConnection tx, TenantId tenant, Loaded invoice, String reason, LocalDate cancelDate) {
        return append(tx, tenant, invoice, new InvoiceCancelled(tenant, invoice.issued().invoiceId(), reason, cancelDate,
                clock.instant())).flatMap(ignored -> index.cancelled(tx, tenant, invoice.issued().invoiceId().value()));
    }

    private Uni<Void> append(SqlConnection tx, TenantId tenant, Loaded invoice, nl.tijdig.events.InvoiceEvent event) {
        return publish(tx, tenant, invoice.issued().invoiceId().value(), invoice.version(), event);
    }

    private InvoiceIssued event(TenantId tenant, IssuedInvoice invoice) {
        InvoiceAmounts amounts = invoice.amounts();
        List<LineItem> lines = new java.util.ArrayList<>();
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            lines.add(new LineItem(line.description(), line.quantity().toPlainString(), line.unitPrice(),
                    line.vat().categoryCode(), line.vat().percent().toPlainString(), amounts.lineTotals().get(i)));
        }
        List<VatAmount> vat = amounts.vatBreakdown().stream().map(b -> new VatAmount(b.rate().categoryCode(),
                b.rate().percent().toPlainString(), b.taxable(), b.vat())).toList();
        var d = invoice.debtor();
        var discount = invoice.discount();
        return new InvoiceIssued(tenant, invoice.invoiceId(), invoice.number(),
                new DebtorSnapshot(d.id(), d.name(), d.segment(), d.language(), d.email(), d.iban()),
                invoice.issueDate(), invoice.dueDate(), amounts.totalExclVat(), amounts.vatTotal(), amounts.totalInclVat(),
                invoice.paymentReference(), invoice.termDays(), invoice.deliveryDate(), lines, vat,
                invoice.purchaseOrder(),
                discount == null ? null : new EarlyPaymentDiscount(discount.percent().toPlainString(), discount.withinDays()),
                clock.instant());
    }
}
