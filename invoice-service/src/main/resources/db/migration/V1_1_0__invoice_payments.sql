-- What payments did to each invoice, folded from PaymentReceived / PaymentReversed (through the inbox,
-- so each payment event counts once). A payment may arrive before the invoice it pays.
CREATE TABLE invoice_payments (
    tenant_id  uuid          NOT NULL,
    invoice_id uuid          NOT NULL,
    currency   char(3)       NOT NULL,
    paid       numeric(19,4) NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id)
);
