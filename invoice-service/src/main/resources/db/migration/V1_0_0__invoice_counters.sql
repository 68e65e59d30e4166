-- Counters of the invoice-service, per tenant: invoice number series (gapless: a counter moves in the
-- issuing transaction and a rollback gives its number back) and the betalingskenmerk sequence.
CREATE TABLE invoice_counters (
    tenant_id  uuid   NOT NULL,
    name       text   NOT NULL,
    last_value bigint NOT NULL CHECK (last_value >= 1),
    PRIMARY KEY (tenant_id, name)
);
