-- The due date as a column, for the aging report and DSO (kept with the case's state).
ALTER TABLE dunning_cases ADD COLUMN due_date date;
UPDATE dunning_cases SET due_date = (state->>'dueDate')::date;
ALTER TABLE dunning_cases ALTER COLUMN due_date SET NOT NULL;
CREATE INDEX dunning_cases_aging ON dunning_cases (tenant_id, due_date) WHERE status <> 'CLOSED';
