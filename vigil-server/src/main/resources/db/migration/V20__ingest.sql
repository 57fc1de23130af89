-- Ingest quarantine: what a channel refused (an item of a batch or a whole payload), kept for the enterprise
-- and the technical team to inspect. Bounded: the raw payload is truncated and old rows are deleted.
create table ingest_quarantine (
    id            bigserial primary key,
    enterprise_id bigint references organisations(id),   -- null when the sender could not be identified
    channel       text not null check (channel in ('http', 'mqtt', 'hj212')),
    received_at   timestamptz not null,
    code          text not null,                         -- stable reason code, e.g. unknown_sensor
    reason        text not null,
    item_index    integer,                               -- the item's index in its batch, null for a payload
    raw           text not null
);
create index ingest_quarantine_enterprise on ingest_quarantine (enterprise_id, received_at desc);
create index ingest_quarantine_received on ingest_quarantine (received_at desc);
