-- The creditors (from the invoice-service's CreditorProfileUpdated): where a tenant's own mail goes.
CREATE TABLE creditors (
    tenant_id  uuid        PRIMARY KEY,
    name       text        NOT NULL,
    email      text,
    updated_at timestamptz NOT NULL
);

-- The weekly overview mailed to the creditor (from dunning's WeeklyOverviewCompiled): once per overview,
-- with a stable Message-ID; sent, retried with back-off, or failed like a reminder.
CREATE TABLE overview_mails (
    overview_id     uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    week            text        NOT NULL,
    overview        text        NOT NULL,
    message_id      text        NOT NULL,
    recipient       text,
    status          text        NOT NULL CHECK (status IN ('PREPARED', 'SENT', 'FAILED')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz
);
CREATE INDEX overview_mails_due ON overview_mails (next_attempt_at) WHERE status = 'PREPARED';
