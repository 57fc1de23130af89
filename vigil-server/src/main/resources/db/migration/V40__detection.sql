-- Detection: versioned rule sets (every change is a new version; old versions stay) and the engine's state.

create table detection_rule_sets (
    id              bigserial primary key,
    scope           text not null check (scope in ('sensor_type', 'asset_type', 'asset', 'sensor')),
    target          text not null,              -- sensor type code, asset type code, asset code or sensor code
    enterprise_id   bigint references organisations(id), -- owner of an asset or sensor target, for scope checks
    current_version integer not null,
    unique (scope, target)
);

create table detection_rule_set_versions (
    rule_set_id     bigint not null references detection_rule_sets(id),
    version         integer not null,
    name            text not null,
    enabled         boolean not null,
    rules           jsonb not null,
    created_by      text not null,
    created_at      timestamptz not null,
    primary key (rule_set_id, version)
);

-- One row: the latest snapshot of every rule's evaluation state (on-delays, timers, windows).
create table detection_state (
    id              smallint primary key check (id = 1),
    taken_at        timestamptz not null,
    entries         integer not null,
    state           bytea not null
);
