-- What letters need, kept from the other services' events: the creditor (CreditorProfileUpdated), each
-- debtor's contact (DebtorRegistered / DebtorUpdated), each invoice's number, dates, principal,
-- betalingskenmerk and pay link (InvoiceIssued, PaymentLinkCreated / Closed).
CREATE TABLE creditors (
    tenant_id uuid  PRIMARY KEY,
    creditor  jsonb NOT NULL
);

-- One row per debtor: the scheduler's unit of work (one letter per debtor per day, its open invoices
-- together), its contact, whether dunning is paused for it (insolvency, an excluded customer), and the
-- earliest day one of its cases may act.
CREATE TABLE dunning_debtors (
    tenant_id      uuid    NOT NULL,
    debtor_id      uuid    NOT NULL,
    contact        jsonb,
    paused         boolean NOT NULL DEFAULT false,
    pause_reason   text,
    last_letter_on date,
    next_action_on date,
    PRIMARY KEY (tenant_id, debtor_id)
);
CREATE INDEX dunning_debtors_due ON dunning_debtors (next_action_on, tenant_id, debtor_id)
    WHERE next_action_on IS NOT NULL AND NOT paused;
INSERT INTO dunning_debtors (tenant_id, debtor_id, next_action_on)
    SELECT tenant_id, debtor_id, min(next_action_on) FROM dunning_cases GROUP BY tenant_id, debtor_id;

ALTER TABLE dunning_cases ADD COLUMN issue_date date;
ALTER TABLE dunning_cases ADD COLUMN principal numeric(19,4);
ALTER TABLE dunning_cases ADD COLUMN payment_reference text;
ALTER TABLE dunning_cases ADD COLUMN pay_link text;
-- The version of the case's event stream (schema eventstore): its decisions and what it published.
ALTER TABLE dunning_cases ADD COLUMN stream_version bigint NOT NULL DEFAULT 0;

-- Each letter asked for (ReminderDue): its cases, so that ReminderSent and NotificationFailed, which
-- name the reminder, reach every case the letter was about.
CREATE TABLE letters (
    tenant_id   uuid   NOT NULL,
    reminder_id uuid   NOT NULL,
    debtor_id   uuid   NOT NULL,
    step_key    text   NOT NULL,
    kind        text   NOT NULL,
    channels    text[] NOT NULL,
    case_ids    uuid[] NOT NULL,
    letter_date date   NOT NULL,
    PRIMARY KEY (tenant_id, reminder_id)
);
