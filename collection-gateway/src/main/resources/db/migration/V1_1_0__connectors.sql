-- How the gateway reaches a partner: its API's base URL and key (sealed), and the secret that signs its
-- callbacks (sealed; shown to the tenant once).
ALTER TABLE partners ADD COLUMN base_url text, ADD COLUMN api_key bytea, ADD COLUMN callback_secret bytea;

-- The hand-over of a case to its partner: PENDING (due at next_attempt_at; leased while in flight), DONE, or
-- FAILED (given up; the case is HAND_OVER_FAILED).
CREATE TABLE hand_overs (
    collection_case_id uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    partner_id         uuid        NOT NULL REFERENCES partners,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts           int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    last_error         text
);
CREATE INDEX hand_overs_due ON hand_overs (next_attempt_at) WHERE status = 'PENDING';

-- The callbacks taken, by the partner's message id: each is applied once.
CREATE TABLE callbacks_seen (
    partner_id  uuid        NOT NULL,
    message_id  text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (partner_id, message_id)
);
