-- The communication log: every letter, email or message to a debtor, recorded with its stable id (from the
-- ReminderDue's id and the channel) and its rendered content before it is first attempted; then each
-- attempt, and when it was handed over. Evidence if a claim goes to court: what was sent, when, to whom.
CREATE TABLE communications (
    communication_id uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL,
    reminder_id      uuid        NOT NULL,
    case_id          uuid        NOT NULL,
    channel          text        NOT NULL,
    kind             text        NOT NULL,
    language         text        NOT NULL,
    recipient        text,
    subject          text        NOT NULL,
    body_html        text        NOT NULL,
    body_text        text        NOT NULL,
    pdf              bytea       NOT NULL,
    content_hash     text        NOT NULL,
    message_id       text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PREPARED', 'SENT', 'FAILED', 'WAITING')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    prepared_at      timestamptz NOT NULL,
    sent_at          timestamptz,
    UNIQUE (tenant_id, reminder_id, channel)
);
CREATE INDEX communications_due ON communications (next_attempt_at) WHERE status = 'PREPARED';
CREATE INDEX communications_case ON communications (tenant_id, case_id);
