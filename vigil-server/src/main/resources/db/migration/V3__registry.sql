-- The registry: monitored objects (assets), their sensors, emergency resources and third-party
-- construction works. Asset and sensor type codes come from domain packs (data files, not tables).
-- Geometry is GeoJSON (WGS-84) in jsonb with a bounding box for cheap map queries (no PostGIS).
create table assets (
    id            bigserial primary key,
    code          text not null unique,
    name          text not null,
    type          text not null,                 -- domain-pack asset type code, e.g. pipeline_segment
    domain        text not null,                 -- domain pack code, e.g. hazchem_pipeline
    enterprise_id bigint not null references organisations(id),
    parent_id     bigint references assets(id),  -- e.g. segment → pipeline
    geometry      jsonb,
    min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision,
    properties    jsonb not null default '{}',   -- type-specific attributes (grade, responsible persons…)
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index assets_enterprise on assets (enterprise_id);
create index assets_parent on assets (parent_id);

create table sensors (
    id               bigserial primary key,
    code             text not null unique,
    name             text not null,
    type             text not null,              -- domain-pack sensor type code, e.g. combustible_gas
    enterprise_id    bigint not null references organisations(id),
    asset_id         bigint references assets(id),
    unit             text not null,
    lon double precision, lat double precision,
    interval_seconds integer not null check (interval_seconds > 0),
    range_min        double precision,           -- physical range: values outside are stored flagged
    range_max        double precision,
    thresholds       jsonb not null default '{}',-- {"high":..,"highHigh":..,"low":..,"lowLow":..}
    gateway          text,                       -- data logger / gateway that reports it
    properties       jsonb not null default '{}',
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index sensors_enterprise on sensors (enterprise_id);
create index sensors_asset on sensors (asset_id);

create table emergency_resources (
    id              bigserial primary key,
    code            text not null unique,
    name            text not null,
    type            text not null check (type in ('fire_station', 'rescue_team', 'depot', 'shelter', 'hospital', 'other')),
    organisation_id bigint not null references organisations(id), -- owner or the region it serves
    lon double precision not null, lat double precision not null,
    capacity        text,
    contact         text,
    phone           text,
    properties      jsonb not null default '{}',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table construction_works (
    id              bigserial primary key,
    code            text not null unique,
    name            text not null,
    organisation_id bigint not null references organisations(id), -- the region (or enterprise) it lies in
    geometry        jsonb not null,                               -- Polygon
    min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    contractor      text,
    permit          text,
    properties      jsonb not null default '{}',
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
