-- Idempotency-Key of the REST APIs (platform/runtime): the first response to a key, per tenant and
-- endpoint, written in the same transaction as the request's effects.
CREATE SCHEMA IF NOT EXISTS api;

CREATE TABLE api.idempotency_keys (
    tenant_id       uuid        NOT NULL,
    endpoint        text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status          int,
    location        text,
    body            text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, endpoint, idempotency_key)
);
