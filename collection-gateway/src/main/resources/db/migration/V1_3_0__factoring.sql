-- The tenants' invoices as far as factoring needs them (from the invoice- and payment-service's events): what is
-- open is the total less credit notes less what payments settled (sums, so the order the topics arrive in does
-- not matter; a payment may come before its invoice, whose fields then fill in).
CREATE TABLE invoices (
    invoice_id     uuid           NOT NULL,
    tenant_id      uuid           NOT NULL,
    invoice_number text,
    debtor_id      uuid,
    debtor_name    text,
    segment        text,
    issue_date     date,
    due_date       date,
    total          numeric(19, 4),
    credited       numeric(19, 4) NOT NULL DEFAULT 0,
    settled        numeric(19, 4) NOT NULL DEFAULT 0,
    currency       text,
    cancelled      boolean        NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, invoice_id)
);

-- The offers to factors (a projection of the invoices' factoring streams, type invoice-factoring) and their
-- dispatch: OFFERED (due at next_attempt_at; leased while in flight), ACCEPTED or REJECTED.
CREATE TABLE factoring_offers (
    offer_id         uuid           PRIMARY KEY,
    tenant_id        uuid           NOT NULL,
    invoice_id       uuid           NOT NULL,
    invoice_number   text           NOT NULL,
    debtor_id        uuid           NOT NULL,
    partner_id       uuid           NOT NULL REFERENCES partners,
    factor           text           NOT NULL,
    offered          numeric(19, 4) NOT NULL,
    currency         text           NOT NULL,
    status           text           NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'REJECTED')),
    advance          numeric(19, 4),
    fee              numeric(19, 4),
    factor_reference text,
    reason           text,
    attempts         int            NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz    NOT NULL,
    last_error       text,
    offered_at       timestamptz    NOT NULL,
    decided_at       timestamptz
);
CREATE INDEX factoring_offers_tenant ON factoring_offers (tenant_id, offered_at DESC);
CREATE INDEX factoring_offers_due ON factoring_offers (next_attempt_at) WHERE status = 'OFFERED';
