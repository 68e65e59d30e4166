-- The case files written for batch-file agencies: one per partner and day, with how many cases it holds.
CREATE TABLE case_files (
    partner_id uuid        NOT NULL REFERENCES partners ON DELETE CASCADE,
    file_date  date        NOT NULL,
    tenant_id  uuid        NOT NULL,
    file_name  text        NOT NULL,
    cases      int         NOT NULL DEFAULT 0,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (partner_id, file_date)
);
CREATE INDEX hand_overs_partner_pending ON hand_overs (partner_id) WHERE status = 'PENDING';
