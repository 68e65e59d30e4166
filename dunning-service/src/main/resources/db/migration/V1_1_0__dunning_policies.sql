-- Each tenant's dunning policy per segment, versioned: a save adds a version; open cases keep the
-- version they started with. No row: the defaults (version 0).
CREATE TABLE dunning_policies (
    tenant_id  uuid        NOT NULL,
    segment    text        NOT NULL CHECK (segment IN ('B2B', 'B2C')),
    version    int         NOT NULL CHECK (version >= 1),
    policy     jsonb       NOT NULL,
    saved_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, segment, version)
);
