-- The channels a letter was confirmed sent on (ReminderSent), so that a bounce after that (NotificationFailed of a
-- sent channel) can tell whether a channel that counts for the 14-dagenbrief's term is left (issue #24).
ALTER TABLE letters ADD COLUMN sent_channels text[] NOT NULL DEFAULT '{}';
