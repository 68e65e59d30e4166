-- A debtor's next day is the earliest of its cases' (CaseStore.refreshDebtors, after every event on a
-- case), and the scheduler locks a debtor's due cases (CaseStore.lockDue). With the index on
-- (tenant_id, debtor_id) alone, both read every case of the debtor: 10,000 rows per payment for a
-- debtor with 10,000 open invoices. With next_action_on as its third column, the earliest is the first
-- entry of the debtor's range and the due cases are a range scan. It replaces the two-column index
-- (every lookup by tenant and debtor uses its prefix), so a case update writes no more index entries.
CREATE INDEX dunning_cases_debtor_next ON dunning_cases (tenant_id, debtor_id, next_action_on);
DROP INDEX dunning_cases_debtor;
