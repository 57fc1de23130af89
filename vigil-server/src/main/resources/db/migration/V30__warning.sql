-- Warnings: one open warning per (object, rule). The condition (state: active/recovered) is kept apart
-- from the handling (status: raised → pushed → acknowledged → verifying → handling → feedback
-- [→ reviewing] → cleared). Only a person clears a warning (消警); recovery alone never does.
create table warnings (
    id              bigserial primary key,
    object_key      text not null,                 -- sensor:<id> / asset:<id> / enterprise:<id>
    rule_id         text not null,
    rule_kind       text not null,
    sensor_id       bigint references sensors(id),
    asset_id        bigint references assets(id),
    enterprise_id   bigint not null references organisations(id),
    domain          text,
    data_quality    boolean not null default false, -- data-quality / interruption: suppressed in approved outages
    level           text not null check (level in ('blue', 'yellow', 'orange', 'red')),
    worst_level     text not null,
    state           text not null check (state in ('active', 'recovered')),
    status          text not null check (status in ('raised', 'pushed', 'acknowledged', 'verifying', 'handling',
                        'feedback', 'reviewing', 'cleared')),
    count           integer not null default 1,
    first_seen      timestamptz not null,
    last_seen       timestamptz not null,
    recovered_at    timestamptz,
    value           double precision,
    threshold       double precision,
    reason_zh       text,
    reason_en       text,
    explanation     jsonb not null default '{}',
    suppressed_by   bigint,                        -- the approved outage that kept it from being pushed
    acknowledge_due timestamptz,
    feedback_due    timestamptz,
    clear_due       timestamptz,
    next_due_at     timestamptz,                   -- the next escalation step; null when none is pending
    escalation_tier integer not null default 0,
    clear_reason    text check (clear_reason in ('handled', 'false_alarm', 'sensor_fault', 'maintenance')),
    cleared_at      timestamptz,
    cleared_by      text,
    version         integer not null default 0
);
create unique index warnings_open_per_object_rule on warnings (object_key, rule_id) where status <> 'cleared';
create index warnings_enterprise on warnings (enterprise_id, first_seen);
create index warnings_sensor on warnings (sensor_id);
create index warnings_next_due on warnings (next_due_at) where next_due_at is not null;

-- Every step of a warning's life: who, when, what (text and attachment metadata).
create table warning_timeline (
    id          bigserial primary key,
    warning_id  bigint not null references warnings(id),
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    level       text,
    note        text,
    details     jsonb not null default '{}'
);
create index warning_timeline_warning on warning_timeline (warning_id, id);

-- Escalation steps that have fired. The primary key is what makes each step happen exactly once,
-- also across restarts and concurrent schedulers.
create table warning_escalations (
    warning_id  bigint not null references warnings(id),
    deadline    text not null check (deadline in ('acknowledge', 'feedback', 'clear')),
    step        text not null check (step in ('remind', 'widen', 'supervise')),
    due_at      timestamptz not null,
    fired_at    timestamptz not null,
    primary key (warning_id, deadline, step)
);

-- Follow-ups opened on a warning: supervision items (督办) for regulators, phone/video tasks for the
-- duty center.
create table warning_followups (
    id              bigserial primary key,
    warning_id      bigint not null references warnings(id),
    kind            text not null check (kind in ('supervision', 'phone_task', 'video_task')),
    organisation_id bigint references organisations(id),
    opened_at       timestamptz not null,
    opened_by       text not null,
    note            text,
    closed_at       timestamptz,
    closed_by       text
);
create index warning_followups_warning on warning_followups (warning_id);
create index warning_followups_open on warning_followups (organisation_id) where closed_at is null;
