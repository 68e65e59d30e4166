-- When each open claim prescribes (5 years, 2 for consumers, from the due date or the last written
-- reminder received), and whether staff were warned for that date.
ALTER TABLE dunning_cases ADD COLUMN prescribes_on date;
ALTER TABLE dunning_cases ADD COLUMN prescription_warned_on date;
CREATE INDEX dunning_cases_prescription ON dunning_cases (prescribes_on)
    WHERE prescription_warned_on IS NULL AND status NOT IN ('CLOSED', 'ESCALATED');
