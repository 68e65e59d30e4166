package nl.tijdig.invoice.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.EarlyPaymentDiscount;
import nl.tijdig.events.EventJson;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.LineItem;
import nl.tijdig.events.VatAmount;
import nl.tijdig.eventstore.EventStore;
import nl.tijdig.eventstore.NewEvent;
import nl.tijdig.eventstore.RecordedEvent;
import nl.tijdig.eventstore.StreamRef;
import nl.tijdig.invoice.domain.InvoiceAmounts;
import nl.tijdig.invoice.domain.InvoiceLine;
import nl.tijdig.invoice.domain.IssuedInvoice;
import nl.tijdig.kernel.IdGenerator;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.TenantId;

/** Invoices as event streams (one per invoice), starting with InvoiceIssued. */
@ApplicationScoped
public class InvoiceStore {

    static final String STREAM_TYPE = "invoice";
    static final String ISSUED = "nl.tijdig.invoice.InvoiceIssued.v1";

    @Inject
    EventStore store;

    @Inject
    IdGenerator ids;

    @Inject
    Clock clock;

    public Uni<InvoiceIssued> issue(SqlConnection tx, TenantId tenant, IssuedInvoice invoice) {
        InvoiceIssued event = event(tenant, invoice);
        return store.append(tx, tenant, new StreamRef(invoice.invoiceId().value(), STREAM_TYPE), 0,
                List.of(NewEvent.published(ids.next(), event))).replaceWith(event);
    }

    /** The invoice as issued, if this tenant has it. */
    public Uni<Optional<InvoiceIssued>> load(SqlClient client, TenantId tenant, InvoiceId id) {
        return store.load(client, tenant, id.value()).map(events -> events.stream()
                .filter(e -> ISSUED.equals(e.type())).findFirst().map(InvoiceStore::read));
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

    private static InvoiceIssued read(RecordedEvent event) {
        try {
            return EventJson.mapper().treeToValue(event.data(), InvoiceIssued.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event " + event.eventId() + " is unreadable", e);
        }
    }
}
