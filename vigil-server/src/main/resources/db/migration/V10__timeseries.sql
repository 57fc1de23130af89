-- The time-series store. Raw readings live in day partitions (UTC days) that the store creates ahead
-- of time and on demand; there is deliberately no default partition: rows parked in a default
-- partition would make creating the matching day partition later fail (or force a scan and move).
-- Retention drops whole day partitions; nothing else ever deletes or changes a raw reading.
create table readings (
    sensor_id    bigint not null,
    ts           timestamptz not null,
    value        double precision not null,
    flag         text not null,                 -- HJ 212 quality letter as sent: N, S valid; F, M, D, C, T, B not
    valid        boolean not null,
    out_of_range boolean not null,
    received_at  timestamptz not null default now(),
    primary key (sensor_id, ts)                 -- idempotence: the same (sensor, ts) is stored once
) partition by range (ts);
-- Readings arrive roughly in time order, so a tiny BRIN index serves the roll-up job's minute scans.
create index readings_ts on readings using brin (ts) with (pages_per_range = 16);

-- Append-only: the product offers no way to edit or delete a reading, and the database agrees.
create function readings_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'raw readings are append-only: % refused (retention drops whole day partitions)', tg_op
        using errcode = 'insufficient_privilege';
end $$;
create trigger readings_no_update before update or delete on readings
    for each row execute function readings_append_only();
create trigger readings_no_truncate before truncate on readings
    for each statement execute function readings_append_only();

-- Latest value per sensor, upserted with every stored batch (only when newer).
create table sensor_latest (
    sensor_id bigint primary key,
    ts        timestamptz not null,
    value     double precision not null,
    flag      text not null,
    valid     boolean not null
) with (fillfactor = 70);                       -- room for HOT updates: ts/value change, the key never does

-- Roll-ups of valid readings. avg = sum / count, kept as sum so that merging stays exact.
create table rollup_1m (
    sensor_id bigint not null,
    bucket    timestamptz not null,
    min       double precision not null,
    max       double precision not null,
    sum       double precision not null,
    count     bigint not null,
    primary key (sensor_id, bucket)
) partition by range (bucket);

create table rollup_1h (
    sensor_id bigint not null,
    bucket    timestamptz not null,
    min       double precision not null,
    max       double precision not null,
    sum       double precision not null,
    count     bigint not null,
    primary key (sensor_id, bucket)
);
create index rollup_1h_bucket on rollup_1h (bucket);

-- Minutes whose raw readings changed since their roll-up was last computed. The writer marks them in
-- the same transaction as the readings (so a crash cannot lose a mark); the roll-up job recomputes a
-- minute from raw and removes its mark only if no writer re-marked it meanwhile (same version).
create table rollup_pending (
    minute  timestamptz primary key,
    version bigint not null
);
