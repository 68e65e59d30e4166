-- Each scheduler run, for the operator (GET /admin/dunning-runs) and the benchmark: when it started and
-- finished, and how far it got, counted in the same transaction as each batch's work, so a run's figures
-- are exact while it runs and after a crash (finished_at stays empty).
CREATE TABLE dunning_runs (
    run_id      uuid        PRIMARY KEY,
    day         date        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    debtors     int         NOT NULL DEFAULT 0,
    letters     int         NOT NULL DEFAULT 0,
    phone_calls int         NOT NULL DEFAULT 0,
    approvals   int         NOT NULL DEFAULT 0,
    escalations int         NOT NULL DEFAULT 0,
    waiting     int         NOT NULL DEFAULT 0
);
CREATE INDEX dunning_runs_recent ON dunning_runs (started_at DESC);
