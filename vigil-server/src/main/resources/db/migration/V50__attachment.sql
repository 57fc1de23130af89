-- Files attached to handling steps (photos, reports). The bytes live in <vigil.data-dir>/attachments/<sha256>,
-- so the same file uploaded twice is stored once; each upload still gets its own row and owner.
create table attachments (
    id              bigserial primary key,
    sha256          text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    name            text not null,
    content_type    text not null,
    size            bigint not null check (size >= 0),
    uploaded_by     text not null,
    organisation_id bigint references organisations(id),
    uploaded_at     timestamptz not null
);
create index attachments_sha256 on attachments (sha256);
