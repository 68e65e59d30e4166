-- The payment-service's own tables; the payments themselves are event streams (schema eventstore).

-- Open items: each invoice's open principal, from the invoice events and this service's payments,
-- kept in the same transactions. Indexed by each matching rule's key.
CREATE TABLE open_items (
    tenant_id         uuid          NOT NULL,
    invoice_id        uuid          NOT NULL,
    invoice_number    text          NOT NULL,
    debtor_id         uuid          NOT NULL,
    payment_reference text,
    issue_date        date          NOT NULL,
    due_date          date          NOT NULL,
    currency          char(3)       NOT NULL,
    principal         numeric(19,4) NOT NULL,
    open              numeric(19,4) NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id)
);
CREATE INDEX open_items_reference ON open_items (tenant_id, payment_reference) WHERE open > 0;
CREATE INDEX open_items_number ON open_items (tenant_id, upper(invoice_number)) WHERE open > 0;
CREATE INDEX open_items_debtor ON open_items (tenant_id, debtor_id) WHERE open > 0;

-- Debtors as matching knows them: name (and its comparison key) and IBAN.
CREATE TABLE debtors (
    tenant_id uuid NOT NULL,
    debtor_id uuid NOT NULL,
    name      text NOT NULL,
    name_key  text NOT NULL,
    iban      text,
    PRIMARY KEY (tenant_id, debtor_id)
);
CREATE INDEX debtors_iban ON debtors (tenant_id, iban);
CREATE INDEX debtors_name ON debtors (tenant_id, name_key);

-- The payments for reading and the unmatched queue, written with the payment's events.
CREATE TABLE payments (
    tenant_id   uuid          NOT NULL,
    payment_id  uuid          NOT NULL,
    status      text          NOT NULL CHECK (status IN ('MATCHED', 'UNMATCHED', 'ALLOCATED')),
    rule        text,
    source      text          NOT NULL,
    currency    char(3)       NOT NULL,
    amount      numeric(19,4) NOT NULL,
    value_date  date          NOT NULL,
    payer_name  text,
    payer_iban  text,
    remittance  text,
    debtor_id   uuid,
    credit      numeric(19,4),
    reason      text,
    allocations jsonb         NOT NULL DEFAULT '[]',
    PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX payments_status ON payments (tenant_id, status, payment_id);

-- Each debtor's credit: what payments brought beyond the invoices they paid.
CREATE TABLE debtor_credit (
    tenant_id uuid          NOT NULL,
    debtor_id uuid          NOT NULL,
    currency  char(3)       NOT NULL,
    amount    numeric(19,4) NOT NULL,
    PRIMARY KEY (tenant_id, debtor_id, currency)
);

-- Per tenant: the residual at or below which a payment closes an invoice.
CREATE TABLE payment_settings (
    tenant_id uuid          PRIMARY KEY,
    currency  char(3)       NOT NULL,
    tolerance numeric(19,4) NOT NULL CHECK (tolerance >= 0)
);
