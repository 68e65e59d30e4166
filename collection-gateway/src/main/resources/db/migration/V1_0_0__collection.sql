-- A tenant's collection agencies and factoring partners: which claims each takes (segment, amount band) and
-- in which order of preference.
CREATE TABLE partners (
    partner_id uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('REST_AGENCY', 'CSV_AGENCY', 'FACTOR')),
    segment    text        CHECK (segment IN ('B2B', 'B2C')),
    min_claim  numeric(19, 4),
    max_claim  numeric(19, 4),
    currency   text        NOT NULL DEFAULT 'EUR',
    priority   int         NOT NULL DEFAULT 100,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX partners_tenant ON partners (tenant_id);

-- Every escalation from dunning (EscalatedToCollection, the full dossier): OPENED as a collection case at a
-- partner, or WAITING until the tenant has a partner that takes it.
CREATE TABLE escalations (
    collection_case_id uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    case_id            uuid        NOT NULL,
    dossier            jsonb       NOT NULL,
    status             text        NOT NULL CHECK (status IN ('WAITING', 'OPENED')),
    received_at        timestamptz NOT NULL
);
CREATE INDEX escalations_waiting ON escalations (tenant_id) WHERE status = 'WAITING';

-- The collection cases as listed (a projection of their streams, written with each event).
CREATE TABLE collection_cases (
    collection_case_id uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL,
    case_id            uuid        NOT NULL,
    partner_id         uuid        NOT NULL REFERENCES partners,
    partner            text        NOT NULL,
    debtor_id          uuid        NOT NULL,
    debtor_name        text        NOT NULL,
    total_claim        numeric(19, 4) NOT NULL,
    collected          numeric(19, 4) NOT NULL,
    currency           text        NOT NULL,
    status             text        NOT NULL,
    outcome            text,
    partner_reference  text,
    opened_at          timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX collection_cases_tenant ON collection_cases (tenant_id, opened_at DESC);
