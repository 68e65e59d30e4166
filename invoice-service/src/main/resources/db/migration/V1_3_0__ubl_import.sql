-- UBL import keeps the document's own invoice number: a number is issued once per tenant.
ALTER TABLE invoice_index ADD CONSTRAINT invoice_index_number UNIQUE (tenant_id, invoice_number);

-- The identifiers a debtor is found by (KvK number, VAT id), kept in the same transaction as the
-- debtor's events, so that an imported invoice's buyer is the debtor already known.
CREATE TABLE debtor_keys (
    tenant_id uuid NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('kvk', 'vat')),
    value     text NOT NULL,
    debtor_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, kind, value, debtor_id)
);
CREATE INDEX debtor_keys_debtor ON debtor_keys (tenant_id, debtor_id);

-- Credit note numbers, issued once per tenant (an imported credit note keeps its own number, and
-- importing it twice must not credit twice).
CREATE TABLE credit_note_numbers (
    tenant_id          uuid NOT NULL,
    credit_note_number text NOT NULL,
    credit_note_id     uuid NOT NULL,
    invoice_id         uuid NOT NULL,
    PRIMARY KEY (tenant_id, credit_note_number)
);
