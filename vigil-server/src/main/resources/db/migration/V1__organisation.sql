-- Organisations: one tree of any depth (district → jurisdiction → enterprise; city → county → town → village),
-- with regulators and duty centers beside it, each scoped to a region subtree and a set of industries.
create table organisations (
    id            bigserial primary key,
    code          text not null unique,
    name          text not null,
    name_en       text,
    kind          text not null check (kind in ('region', 'enterprise', 'regulator', 'duty_center')),
    level_label   text,                                   -- 新区, 街道, 县, 镇, 村…
    parent_id     bigint references organisations(id),
    path          text not null,                          -- '/1/4/17/' materialised path for subtree checks
    industries    text[] not null default '{}',
    scope_region_id bigint references organisations(id), -- regulators and duty centers
    contact       text,
    phone         text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index organisations_path on organisations (path text_pattern_ops);
create index organisations_parent on organisations (parent_id);

create table users (
    id              bigserial primary key,
    username        text not null unique,
    display_name    text not null,
    password_hash   text not null,
    role            text not null check (role in ('platform_admin', 'duty_officer', 'regulator',
                        'jurisdiction_officer', 'enterprise_manager', 'enterprise_operator')),
    organisation_id bigint references organisations(id),
    phone           text,
    email           text,
    enabled         boolean not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index users_organisation on users (organisation_id);

-- Login tokens are opaque random strings; only their SHA-256 is stored.
create table auth_tokens (
    token_hash  text primary key,
    user_id     bigint not null references users(id) on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index auth_tokens_user on auth_tokens (user_id);

-- Enterprise API keys for data access; only their SHA-256 is stored.
create table api_keys (
    id            bigserial primary key,
    enterprise_id bigint not null references organisations(id),
    name          text not null,
    key_hash      text not null unique,
    key_hint      text not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    revoked_at    timestamptz,
    revoked_by    text
);
create index api_keys_enterprise on api_keys (enterprise_id);
