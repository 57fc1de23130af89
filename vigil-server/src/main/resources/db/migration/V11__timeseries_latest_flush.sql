-- The writer keeps the newest reading per sensor in memory and upserts sensor_latest every few
-- seconds (a per-batch upsert of 100,000 sensors cost more than the readings themselves). It records
-- here when it last did, so that a restart after a crash can repair sensor_latest from the readings
-- that arrived after that moment.
create table sensor_latest_flush (
    id         smallint primary key check (id = 1),
    flushed_at timestamptz not null
);
insert into sensor_latest_flush values (1, now());
-- true after an orderly shutdown flushed everything: no repair needed at the next start
alter table sensor_latest_flush add column clean boolean not null default true;
