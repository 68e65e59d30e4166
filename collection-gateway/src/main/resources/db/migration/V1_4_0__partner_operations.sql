-- A rotated callback secret keeps verifying until previous_callback_secret_until, so the partner can switch over.
ALTER TABLE partners ADD COLUMN previous_callback_secret bytea, ADD COLUMN previous_callback_secret_until timestamptz;

-- What a partner is told about a case after the hand-over: RECALL (the creditor took it back). PENDING (due at
-- next_attempt_at; leased while in flight), DONE, or FAILED after the attempts. A REST agency gets a call, a
-- batch-file agency the day's recall file.
CREATE TABLE partner_notices (
    collection_case_id uuid        NOT NULL,
    kind               text        NOT NULL CHECK (kind IN ('RECALL')),
    tenant_id          uuid        NOT NULL,
    partner_id         uuid        NOT NULL REFERENCES partners,
    reason             text        NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts           int         NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    last_error         text,
    created_at         timestamptz NOT NULL,
    PRIMARY KEY (collection_case_id, kind)
);
CREATE INDEX partner_notices_due ON partner_notices (next_attempt_at) WHERE status = 'PENDING';
