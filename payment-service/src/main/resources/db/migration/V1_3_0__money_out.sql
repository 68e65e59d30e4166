-- Money out: refunds of debtor credit (pain.001) and SEPA direct debit under mandates (pain.008).

-- The tenant's own account, from the invoice-service's CreditorProfileUpdated.
CREATE TABLE creditor_accounts (
    tenant_id uuid PRIMARY KEY,
    name      text NOT NULL,
    iban      text NOT NULL,
    bic       text
);

-- The SEPA creditor identifier (incassant-ID) the tenant's bank issued; needed for direct debit.
CREATE TABLE direct_debit_settings (
    tenant_id  uuid PRIMARY KEY,
    creditor_id text NOT NULL
);

-- One mandate per debtor (a new one replaces it); the reference is unique per tenant.
CREATE TABLE mandates (
    tenant_id  uuid    NOT NULL,
    debtor_id  uuid    NOT NULL,
    mandate_id text    NOT NULL,
    scheme     text    NOT NULL CHECK (scheme IN ('CORE', 'B2B')),
    type       text    NOT NULL CHECK (type IN ('RECURRING', 'ONE_OFF')),
    iban       text    NOT NULL,
    bic        text,
    signed_on  date    NOT NULL,
    collected  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, debtor_id)
);
CREATE UNIQUE INDEX mandates_reference ON mandates (tenant_id, mandate_id);

-- Files written for the tenant to upload to its bank.
CREATE TABLE sepa_files (
    tenant_id    uuid          NOT NULL,
    file_id      uuid          NOT NULL,
    kind         text          NOT NULL CHECK (kind IN ('CREDIT_TRANSFER', 'DIRECT_DEBIT')),
    message_id   text          NOT NULL,
    created_at   timestamptz   NOT NULL,
    on_date      date          NOT NULL,
    transactions int           NOT NULL,
    currency     char(3)       NOT NULL,
    total        numeric(19,4) NOT NULL,
    document     text          NOT NULL,
    PRIMARY KEY (tenant_id, file_id)
);

-- Refunds: taken off the credit when asked (CreditRefunded), put in the next credit-transfer file.
CREATE TABLE refunds (
    tenant_id      uuid          NOT NULL,
    refund_id      uuid          NOT NULL,
    debtor_id      uuid          NOT NULL,
    currency       char(3)       NOT NULL,
    amount         numeric(19,4) NOT NULL CHECK (amount > 0),
    iban           text          NOT NULL,
    bic            text,
    account_holder text          NOT NULL,
    reason         text,
    end_to_end_id  text          NOT NULL,
    file_id        uuid,
    created_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, refund_id)
);
CREATE INDEX refunds_pending ON refunds (tenant_id, created_at) WHERE file_id IS NULL;

-- Each invoice collected by direct debit, once; the end-to-end id finds it when the bank books the
-- collection (and a reversal finds the payment).
CREATE TABLE direct_debit_items (
    tenant_id     uuid          NOT NULL,
    end_to_end_id text          NOT NULL,
    invoice_id    uuid          NOT NULL,
    debtor_id     uuid          NOT NULL,
    file_id       uuid          NOT NULL,
    mandate_id    text          NOT NULL,
    sequence      text          NOT NULL,
    currency      char(3)       NOT NULL,
    amount        numeric(19,4) NOT NULL,
    PRIMARY KEY (tenant_id, end_to_end_id)
);
CREATE UNIQUE INDEX direct_debit_items_invoice ON direct_debit_items (tenant_id, invoice_id);
