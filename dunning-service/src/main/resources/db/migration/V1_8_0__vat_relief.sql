-- VAT bad-debt relief (art. 29 Wet OB): each invoice's VAT, the day its VAT became reclaimable (one year
-- after it fell due, unpaid) and how much of it was reclaimable and not yet owed again.
ALTER TABLE dunning_cases ADD COLUMN vat numeric(19,4) NOT NULL DEFAULT 0;
ALTER TABLE dunning_cases ADD COLUMN vat_relief_on date;
ALTER TABLE dunning_cases ADD COLUMN vat_relieved numeric(19,4) NOT NULL DEFAULT 0;
CREATE INDEX dunning_cases_vat_relief ON dunning_cases (due_date)
    WHERE vat_relief_on IS NULL AND status <> 'CLOSED' AND vat > 0;
