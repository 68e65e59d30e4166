-- Bank statement imports: each file's progress, and every entry ever imported (by its identity across
-- statements), so that the same or an overlapping statement creates nothing twice.
CREATE TABLE statement_imports (
    tenant_id   uuid        NOT NULL,
    import_id   uuid        NOT NULL,
    format      text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('IMPORTING', 'DONE', 'FAILED')),
    entries     bigint      NOT NULL DEFAULT 0,
    processed   bigint      NOT NULL DEFAULT 0,
    payments    bigint      NOT NULL DEFAULT 0,
    matched     bigint      NOT NULL DEFAULT 0,
    unmatched   bigint      NOT NULL DEFAULT 0,
    reversals   bigint      NOT NULL DEFAULT 0,
    duplicates  bigint      NOT NULL DEFAULT 0,
    skipped     bigint      NOT NULL DEFAULT 0,
    error       text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (tenant_id, import_id)
);

CREATE TABLE statement_entries (
    tenant_id  uuid NOT NULL,
    entry_key  text NOT NULL,
    import_id  uuid NOT NULL,
    payment_id uuid,
    PRIMARY KEY (tenant_id, entry_key)
);

ALTER TABLE payments ADD COLUMN end_to_end_id text;
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('MATCHED', 'UNMATCHED', 'ALLOCATED', 'REVERSED'));
CREATE INDEX payments_end_to_end ON payments (tenant_id, end_to_end_id) WHERE end_to_end_id IS NOT NULL;
