-- The duty desk: who watches when (rosters), handovers between shifts and the duty log.
create table duty_shifts (
    id              bigserial primary key,
    duty_center_id  bigint not null references organisations(id),
    user_id         bigint not null references users(id),
    role            text not null default 'officer' check (role in ('officer', 'leader')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null check (ends_at > starts_at),
    created_by      text not null
);
create index duty_shifts_center on duty_shifts (duty_center_id, starts_at);

create table duty_log (
    id              bigserial primary key,
    duty_center_id  bigint not null references organisations(id),
    at              timestamptz not null,
    actor           text not null,
    kind            text not null check (kind in ('note', 'handover', 'phone', 'video', 'consultation')),
    text            text not null,
    warning_id      bigint references warnings(id),
    details         jsonb not null default '{}'
);
create index duty_log_center on duty_log (duty_center_id, at);
