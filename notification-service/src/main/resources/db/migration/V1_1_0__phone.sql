-- Phone tasks: a PhoneCallDue from dunning becomes a task in the tenant's work list (OPEN), which staff claim
-- (CLAIMED, by whom) and complete with the call's outcome (DONE, the call it made).
CREATE TABLE phone_tasks (
    task_id      uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL,
    case_id      uuid        NOT NULL,
    debtor_id    uuid        NOT NULL,
    debtor_name  text        NOT NULL,
    phone        text,
    language     text        NOT NULL,
    invoices     text        NOT NULL,
    total_open   numeric     NOT NULL,
    currency     text        NOT NULL,
    due_on       date        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'DONE')),
    claimed_by   text,
    claimed_at   timestamptz,
    call_id      uuid,
    created_at   timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX phone_tasks_list ON phone_tasks (tenant_id, status, due_on);

-- Every call staff recorded, from a task or not: who called whom, when, what came of it (the evidence, and
-- what PhoneCallCompleted told dunning).
CREATE TABLE phone_calls (
    call_id        uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    task_id        uuid,
    debtor_id      uuid        NOT NULL,
    case_ids       uuid[]      NOT NULL,
    outcome        text        NOT NULL,
    promised_by    date,
    dispute_reason text,
    notes          text,
    called_by      text        NOT NULL,
    spoke_with     text,
    called_at      timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL
);
CREATE INDEX phone_calls_tenant ON phone_calls (tenant_id, called_at DESC);
CREATE INDEX phone_calls_cases ON phone_calls USING gin (case_ids);
