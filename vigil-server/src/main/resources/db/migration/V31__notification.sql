-- Outbound channels an organisation subscribes (upper platforms, group robots).
create table notification_endpoints (
    id              bigserial primary key,
    organisation_id bigint not null references organisations(id),
    kind            text not null check (kind in ('webhook', 'wecom', 'dingtalk')),
    name            text not null,
    url             text not null,
    secret          text,
    min_level       text not null default 'blue' check (min_level in ('blue', 'yellow', 'orange', 'red')),
    enabled         boolean not null default true,
    created_at      timestamptz not null default now()
);

-- One notice per (warning, recipient, event): what someone must learn. Notices are grouped into
-- messages (a single notice or a digest); red notices get their own message at once.
create table notices (
    id               bigserial primary key,
    warning_id       bigint not null references warnings(id),
    recipient        text not null,                -- user:<name> / person:<phone> / endpoint:<id>
    recipient_detail jsonb not null,
    event            text not null,
    level            text not null,
    immediate        boolean not null,
    summary          text not null,
    created_at       timestamptz not null,
    message_id       bigint
);
create index notices_unsent on notices (recipient, created_at) where message_id is null;
create index notices_warning on notices (warning_id);

create table messages (
    id               bigserial primary key,
    recipient        text not null,
    recipient_detail jsonb not null,
    kind             text not null check (kind in ('single', 'digest')),
    level            text not null,
    notice_count     integer not null,
    subject          text not null,
    body             text not null,
    created_at       timestamptz not null
);
create index messages_recipient on messages (recipient, created_at);

create table deliveries (
    id               bigserial primary key,
    message_id       bigint not null references messages(id),
    channel          text not null check (channel in ('in_app', 'webhook', 'wecom', 'dingtalk', 'email', 'sms')),
    target           text not null,
    status           text not null check (status in ('pending', 'sent', 'gave_up')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null
);
create index deliveries_due on deliveries (next_attempt_at) where status = 'pending';
create index deliveries_message on deliveries (message_id);
