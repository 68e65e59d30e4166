package nl.tijdig.eventstore;

import nl.tijdig.kernel.Segment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.tijdig.events.DebtorSnapshot;
import nl.tijdig.events.InvoiceCredited;
import nl.tijdig.events.InvoiceIssued;

import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.InvoiceId;
import nl.tijdig.kernel.Money;
import nl.tijdig.kernel.TenantId;

/** Public events for the store's tests: an invoice's stream is one InvoiceIssued and its credits. */
final class Samples {

    static final Instant T = Instant.parse("2026-11-23T09:00:00Z");

    private Samples() {
    }

    static InvoiceIssued issued(TenantId tenant, InvoiceId invoice) {
        return new InvoiceIssued(tenant, invoice, "2026-" + invoice.value().toString().substring(0, 8),
                new DebtorSnapshot(new DebtorId(UUID.randomUUID()), "Bakkerij De Gouden Korst B.V.", Segment.B2B, "nl"),
                LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 23), Money.eur("1000.00"), Money.eur("210.00"),
                Money.eur("1210.00"), null, T);
    }

    static InvoiceCredited credited(TenantId tenant, InvoiceId invoice, int n) {
        return new InvoiceCredited(tenant, invoice, new InvoiceId(UUID.randomUUID()), "C-" + n, Money.eur("1.21"),
                Money.eur("0.21"), LocalDate.of(2026, 11, 24), null, T.plusSeconds(n));
    }
}
