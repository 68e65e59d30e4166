package nl.tijdig.events;

import static nl.tijdig.events.Values.required;

import java.time.Instant;
import java.util.UUID;
import nl.tijdig.kernel.DebtorId;
import nl.tijdig.kernel.TenantId;

/** A debtor's data changed (the whole data as it is now). Issued invoices keep the data they were issued with. Key: debtor id. */
public record DebtorUpdated(TenantId tenantId, DebtorId debtorId, DebtorDetails debtor, Instant occurredAt)
        implements InvoiceEvent {

    public DebtorUpdated {
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
