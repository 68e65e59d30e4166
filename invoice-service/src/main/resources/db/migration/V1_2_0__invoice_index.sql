-- The invoices of each tenant for listing, kept in the same transaction as the invoice's events.
-- invoice_id is a UUIDv7 (time-ordered), which makes it the cursor of the list.
CREATE TABLE invoice_index (
    tenant_id      uuid          NOT NULL,
    invoice_id     uuid          NOT NULL,
    invoice_number text          NOT NULL,
    debtor_id      uuid          NOT NULL,
    issue_date     date          NOT NULL,
    due_date       date          NOT NULL,
    currency       char(3)       NOT NULL,
    total          numeric(19,4) NOT NULL,
    credited       numeric(19,4) NOT NULL DEFAULT 0,
    cancelled      boolean       NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, invoice_id)
);
CREATE INDEX invoice_index_debtor ON invoice_index (tenant_id, debtor_id, invoice_id);
CREATE INDEX invoice_index_due ON invoice_index (tenant_id, due_date);
