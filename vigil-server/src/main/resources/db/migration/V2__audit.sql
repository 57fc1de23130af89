-- The audit log: who changed what, when, before and after. Append-only: the database itself refuses
-- updates and deletes, so nothing in the product (or a bug in it) can rewrite history.
create table audit_log (
    id           bigserial primary key,
    at           timestamptz not null default now(),
    actor        text not null,
    action       text not null,
    entity_type  text not null,
    entity_key   text not null,
    organisation_id bigint,
    before       jsonb,
    after        jsonb
);
create index audit_log_entity on audit_log (entity_type, entity_key);
create index audit_log_at on audit_log (at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
