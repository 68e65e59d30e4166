-- The communication log: every letter, email or message to a debtor. Recorded from the ReminderDue (kept
-- whole in `reminder`, JSON) with its stable id (from the ReminderDue's id and the channel) and its
-- provider message id; rendered (subject, HTML, text, PDF, hash) by the sender before it is first
-- attempted; then each attempt, and when it was handed over. Evidence if a claim goes to court: what was
-- sent, when, to whom.
CREATE TABLE communications (
    communication_id    uuid        PRIMARY KEY,
    tenant_id           uuid        NOT NULL,
    reminder_id         uuid        NOT NULL,
    case_id             uuid        NOT NULL,
    channel             text        NOT NULL,
    kind                text        NOT NULL,
    step                int         NOT NULL,
    language            text        NOT NULL,
    recipient           text,
    invoice_ids         uuid[]      NOT NULL,
    reminder            text        NOT NULL,
    subject             text,
    body_html           text,
    body_text           text,
    pdf                 bytea,
    content_hash        text,
    provider_message_id text        NOT NULL,
    template            text,
    status              text        NOT NULL CHECK (status IN ('PREPARED', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts            int         NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    last_error          text,
    reminder_at         timestamptz NOT NULL,
    prepared_at         timestamptz NOT NULL,
    sent_at             timestamptz,
    ended_at            timestamptz,
    UNIQUE (tenant_id, reminder_id, channel)
);
CREATE INDEX communications_due ON communications (channel, next_attempt_at) WHERE status = 'PREPARED';
CREATE INDEX communications_case ON communications (tenant_id, case_id);

-- Invoices the payment-service reported as paid (PaymentReceived left nothing open): the last check before
-- a reminder goes out. A reversal (PaymentReversed) opens them again.
CREATE TABLE paid_invoices (
    tenant_id  uuid        NOT NULL,
    invoice_id uuid        NOT NULL,
    payment_id uuid        NOT NULL,
    paid_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, invoice_id)
);

-- A tenant's own wording for a kind of letter in a language (subject and body are Qute templates), checked
-- against the contract examples when saved. Without a row the built-in template is used.
CREATE TABLE letter_templates (
    tenant_id  uuid        NOT NULL,
    kind       text        NOT NULL,
    language   text        NOT NULL,
    subject    text        NOT NULL,
    body       text        NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, kind, language)
);
