-- Calls to debtors taken in (PhoneCallCompleted), by call id: a call published again under a new event id
-- (which the inbox would not recognise) changes nothing.
CREATE TABLE phone_calls (
    tenant_id   uuid        NOT NULL,
    call_id     uuid        NOT NULL,
    outcome     text        NOT NULL,
    called_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, call_id)
);
