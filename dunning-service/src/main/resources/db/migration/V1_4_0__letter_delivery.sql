-- Following each letter until a channel confirms it sent: the ReminderDue as published (to send it once
-- more, or on the step's fallback channel), the channels that failed, and whether staff were asked to look.
ALTER TABLE letters ADD COLUMN event jsonb;
ALTER TABLE letters ADD COLUMN fallback text;
ALTER TABLE letters ADD COLUMN timeout_days int NOT NULL DEFAULT 2;
ALTER TABLE letters ADD COLUMN sent_on date;
ALTER TABLE letters ADD COLUMN attempts int NOT NULL DEFAULT 1;
ALTER TABLE letters ADD COLUMN last_attempt_on date;
ALTER TABLE letters ADD COLUMN failed_channels text[] NOT NULL DEFAULT '{}';
ALTER TABLE letters ADD COLUMN fallback_used boolean NOT NULL DEFAULT false;
ALTER TABLE letters ADD COLUMN flagged boolean NOT NULL DEFAULT false;
UPDATE letters SET last_attempt_on = letter_date;
CREATE INDEX letters_unconfirmed ON letters (last_attempt_on) WHERE sent_on IS NULL AND NOT flagged;
