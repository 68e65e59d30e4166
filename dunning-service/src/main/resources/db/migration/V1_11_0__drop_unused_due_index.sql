-- The scheduler finds due work through dunning_debtors (its own due index) and then a debtor's cases by
-- (tenant_id, debtor_id); no query looks cases up by next_action_on alone. The index only cost every case
-- update an entry (measured in docs/benchmarks.md, dunning daily run).
DROP INDEX IF EXISTS dunning_cases_due;
