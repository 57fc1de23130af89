-- Outage declarations (停报申报): an enterprise declares itself, an asset or some sensors out of service
-- for a window; a regulator, jurisdiction officer or admin approves or rejects it.
create table outages (
    id              bigserial primary key,
    enterprise_id   bigint not null references organisations(id),
    scope           text not null check (scope in ('enterprise', 'asset', 'sensors')),
    asset_id        bigint references assets(id),
    sensor_ids      bigint[] not null default '{}',
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    reason          text not null,
    status          text not null check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
    declared_by     text not null,
    declared_at     timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text
);
create index outages_enterprise on outages (enterprise_id, ends_at);
