-- An email handed over can bounce later: a delivery status notification (DSN) on the bounce address.
ALTER TABLE communications DROP CONSTRAINT communications_status_check;
ALTER TABLE communications ADD CONSTRAINT communications_status_check
    CHECK (status IN ('PREPARED', 'SENT', 'FAILED', 'SUPPRESSED', 'BOUNCED'));
CREATE INDEX communications_message_id ON communications (provider_message_id);
