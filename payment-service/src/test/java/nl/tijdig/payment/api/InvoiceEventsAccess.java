package nl.tijdig.payment.api;

import java.time.LocalDate;
import nl.tijdig.events.InvoiceIssued;
import nl.tijdig.events.PublicEvent;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/** {@link InvoiceEvents} for tests of other packages. */
public final class InvoiceEventsAccess {

    private InvoiceEventsAccess() {
    }

    public static InvoiceIssued issued(TenantId tenant, DebtorId debtor, String debtorName, String debtorIban, String number,
            long reference, String total, LocalDate issueDate) {
        return InvoiceEvents.issued(tenant, debtor, debtorName, debtorIban, number, reference, total, issueDate);
    }

    public static void publish(PublicEvent event) {
        InvoiceEvents.publish(event);
    }
}
