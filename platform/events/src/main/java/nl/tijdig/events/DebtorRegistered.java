package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/** A debtor was registered with the tenant: from now on invoices can be issued to it. Key: debtor id. */
public record DebtorRegistered(TenantId tenantId, DebtorId debtorId, DebtorDetails debtor, Instant occurredAt)
        implements InvoiceEvent {

    public DebtorRegistered {
        required(tenantId, "tenantId");
        required(debtorId, "debtorId");
        required(debtor, "debtor");
        required(occurredAt, "occurredAt");
    }

    @Override
    public UUID aggregateId() {
        return debtorId.value();
    }
}
