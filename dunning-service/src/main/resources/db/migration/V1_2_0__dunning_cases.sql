-- One case per invoice: its facts (open principal, due date, the policy version it started with, the
-- steps taken and their delivery) as a JSON state the decider folds, and the day it may next act
-- (indexed for the scheduler).
CREATE TABLE dunning_cases (
    tenant_id      uuid          NOT NULL,
    case_id        uuid          NOT NULL,
    debtor_id      uuid          NOT NULL,
    invoice_number text          NOT NULL,
    segment        text          NOT NULL,
    status         text          NOT NULL,
    currency       char(3)       NOT NULL,
    open           numeric(19,4) NOT NULL,
    state          jsonb         NOT NULL,
    next_action_on date,
    version        bigint        NOT NULL DEFAULT 1,
    PRIMARY KEY (tenant_id, case_id)
);
CREATE INDEX dunning_cases_due ON dunning_cases (next_action_on) WHERE next_action_on IS NOT NULL;
CREATE INDEX dunning_cases_debtor ON dunning_cases (tenant_id, debtor_id);
