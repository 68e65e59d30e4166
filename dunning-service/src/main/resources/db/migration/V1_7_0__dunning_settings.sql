-- Per tenant: the open amount above which a write-off needs a second user's approval (four eyes).
CREATE TABLE dunning_settings (
    tenant_id                uuid          PRIMARY KEY,
    write_off_approval_above numeric(19,4) NOT NULL CHECK (write_off_approval_above >= 0)
);
