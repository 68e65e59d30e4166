-- Tijdig event backbone (platform/eventstore). Platform migrations are numbered V0_x; a service's
-- own migrations start at V1.

CREATE SCHEMA IF NOT EXISTS eventstore;

-- One row per stream: its tenant and current version. Appends lock this row, so appends to one
-- stream are serialized and a stale expected version is detected.
CREATE TABLE eventstore.streams (
    stream_id   uuid   PRIMARY KEY,
    tenant_id   uuid   NOT NULL,
    stream_type text   NOT NULL,
    version     bigint NOT NULL CHECK (version >= 0)
);

-- The events, append-only. position orders inserts; tx_id (the writing transaction) makes a cursor
-- that is safe against commits out of position order (see ProjectionRunner).
CREATE TABLE eventstore.events (
    position    bigserial   PRIMARY KEY,
    tx_id       xid8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id    uuid        NOT NULL UNIQUE,
    stream_id   uuid        NOT NULL,
    version     bigint      NOT NULL CHECK (version >= 1),
    tenant_id   uuid        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    data        jsonb       NOT NULL,
    CONSTRAINT events_stream_version UNIQUE (stream_id, version)
);
CREATE INDEX events_commit_order ON eventstore.events (tx_id, position);

-- Public events waiting to be published, written in the appending transaction. The relay publishes
-- them in id order (which is stream order) and deletes them once Kafka acknowledged them.
CREATE TABLE eventstore.outbox (
    id          bigserial   PRIMARY KEY,
    event_id    uuid        NOT NULL,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    headers     jsonb       NOT NULL,
    payload     bytea       NOT NULL,
    created_at  timestamptz NOT NULL
);

-- Events a consumer has handled, recorded in the handler's transaction: a redelivery changes nothing.
CREATE TABLE eventstore.inbox (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Messages a consumer could not handle; also published to <topic>.dlq.<consumer>.
CREATE TABLE eventstore.dead_letters (
    id           uuid        PRIMARY KEY,
    consumer     text        NOT NULL,
    topic        text        NOT NULL,
    kafka_partition int      NOT NULL,
    kafka_offset bigint      NOT NULL,
    message_key  text,
    headers      jsonb       NOT NULL,
    payload      bytea,
    event_id     uuid,
    event_type   text,
    tenant_id    uuid,
    error        text        NOT NULL,
    attempts     int         NOT NULL,
    failed_at    timestamptz NOT NULL,
    redriven_at  timestamptz,
    CONSTRAINT dead_letters_source UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letters_open ON eventstore.dead_letters (consumer, failed_at) WHERE redriven_at IS NULL;

-- Where each projection stands: the last (tx_id, position) it applied.
CREATE TABLE eventstore.projection_checkpoints (
    projection text        PRIMARY KEY,
    tx_id      xid8        NOT NULL,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);
