-- Payment links: the tenant's provider (Mollie-like), its links per open invoice, and the provider's
-- payments recorded (so a webhook delivered twice records one payment).
CREATE TABLE payment_providers (
    tenant_id   uuid PRIMARY KEY,
    provider    text NOT NULL,
    base_url    text NOT NULL,
    api_key     text NOT NULL,
    partner_id  uuid NOT NULL UNIQUE,
    webhook_base_url text NOT NULL,
    redirect_url text
);

CREATE TABLE pay_links (
    tenant_id           uuid          NOT NULL,
    link_id             uuid          NOT NULL,
    invoice_id          uuid          NOT NULL,
    debtor_id           uuid          NOT NULL,
    invoice_number      text          NOT NULL,
    currency            char(3)       NOT NULL,
    amount              numeric(19,4) NOT NULL,
    status              text          NOT NULL CHECK (status IN ('PENDING', 'OPEN', 'PAID', 'CLOSING', 'CLOSED', 'CANCELLED', 'FAILED')),
    provider_payment_id text,
    url                 text,
    attempts            int           NOT NULL DEFAULT 0,
    claimed_until       timestamptz,
    close_reason        text,
    error               text,
    PRIMARY KEY (tenant_id, link_id)
);
CREATE UNIQUE INDEX pay_links_one_live ON pay_links (tenant_id, invoice_id) WHERE status IN ('PENDING', 'OPEN');
CREATE INDEX pay_links_work ON pay_links (status) WHERE status IN ('PENDING', 'CLOSING');
CREATE UNIQUE INDEX pay_links_provider ON pay_links (tenant_id, provider_payment_id) WHERE provider_payment_id IS NOT NULL;

CREATE TABLE provider_payments (
    tenant_id           uuid NOT NULL,
    provider_payment_id text NOT NULL,
    payment_id          uuid NOT NULL,
    PRIMARY KEY (tenant_id, provider_payment_id)
);
