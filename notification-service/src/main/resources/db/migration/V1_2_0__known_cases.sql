-- The dunning cases this service has heard of (from ReminderDue and PhoneCallDue), with their debtor: a call
-- logged without a task must be about cases of the tenant's debtor that it knows.
CREATE TABLE known_cases (
    tenant_id uuid NOT NULL,
    case_id   uuid NOT NULL,
    debtor_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, case_id)
);
INSERT INTO known_cases (tenant_id, case_id, debtor_id)
    SELECT tenant_id, case_id, debtor_id FROM phone_tasks ON CONFLICT DO NOTHING;
