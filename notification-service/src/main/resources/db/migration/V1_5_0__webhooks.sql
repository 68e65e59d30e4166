-- A tenant's webhook subscriptions: where events go, which types, and the signing secret (sealed with the
-- configured key; during a rotation the previous one too, until previous_secret_until).
CREATE TABLE webhook_subscriptions (
    subscription_id       uuid        PRIMARY KEY,
    tenant_id             uuid        NOT NULL,
    url                   text        NOT NULL,
    description           text,
    event_types           text[]      NOT NULL,
    secret                bytea       NOT NULL,
    previous_secret       bytea,
    previous_secret_until timestamptz,
    status                text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    failing_since         timestamptz,
    last_error            text,
    disabled_at           timestamptz,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    updated_at            timestamptz NOT NULL
);
CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id);

-- An event as delivered: its body fixed once (so every attempt and replay sends the same bytes); keyed by
-- tenant too, so a delivery can only ever send its own tenant's event.
CREATE TABLE webhook_messages (
    event_id    uuid        NOT NULL,
    tenant_id   uuid        NOT NULL,
    event_type  text        NOT NULL,
    subject     uuid        NOT NULL,
    sequence    bigint      NOT NULL,
    body        text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

-- One event to one subscription: PENDING (due at next_attempt_at; leased while in flight), DELIVERED, or
-- DEAD (its round of attempts failed; waits for a replay). round_attempts counts within the round a replay
-- starts again.
CREATE TABLE webhook_deliveries (
    delivery_id      uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscriptions ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int         NOT NULL DEFAULT 0,
    round_attempts   int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    last_status_code int,
    last_error       text,
    UNIQUE (subscription_id, event_id),
    FOREIGN KEY (tenant_id, event_id) REFERENCES webhook_messages (tenant_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- Every attempt, for inspection: when, the answer's status and the start of its body, or the error.
CREATE TABLE webhook_attempts (
    delivery_id uuid        NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
    attempt     int         NOT NULL,
    started_at  timestamptz NOT NULL,
    duration_ms int         NOT NULL,
    status_code int,
    response    text,
    error       text,
    PRIMARY KEY (delivery_id, attempt)
);
