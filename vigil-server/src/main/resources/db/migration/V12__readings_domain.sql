-- Per-domain retention of raw readings. Each reading carries the domain (pack code) of its sensor as a
-- small id. While some domain has a retention of its own (vigil.timeseries.domain-retention), the store
-- creates each new day partition LIST-partitioned by it: one sub-partition per such domain plus a default
-- sub-partition for all other domains, so that retention still only ever drops whole tables. (V10's "no
-- default partition" is about days: a default here takes the rows of domains without their own retention,
-- and the store never attaches a domain partition to a day that may already hold rows.) Without any domain
-- retention, days stay plain partitions. Day partitions created before this migration stay as they are
-- (domain 0) and follow the global retention.

-- Domain codes get a small id so that a reading costs 2 bytes more, not a text.
create table reading_domains (
    id   smallint primary key,
    code text not null unique
);
insert into reading_domains values (0, '');    -- readings stored before this migration, or of no known domain

-- A constant default is metadata only: existing partitions are not rewritten.
alter table readings add column domain smallint not null default 0;

-- PostgreSQL wants every partition key in a partitioned table's unique constraints, so a key on readings
-- would have to become (sensor_id, ts, domain): index entries of 32 bytes instead of 24 on the hottest
-- index of the store. Instead each leaf table (a plain day, or a day's domain sub-partition) has its own
-- primary key (sensor_id, ts), created with it by the store, and the writer's fallback uses ON CONFLICT
-- DO NOTHING, which checks the leaf's key. That is the same guarantee: a sensor's readings always carry
-- the same domain, because the registry refuses to move a sensor to another domain (SensorRegistry), so
-- (sensor, ts) can only ever meet itself in one leaf. (Exception: a reading stored before this migration,
-- with domain 0, and sent again after it into a divided day is kept twice.)
-- Dropping the table's key drops its partitions' indexes: they are rebuilt here, once.
alter table readings drop constraint readings_pkey;
do $$
declare
    day regclass;
begin
    for day in select inhrelid::regclass from pg_inherits where inhparent = 'readings'::regclass loop
        execute format('alter table %s add primary key (sensor_id, ts)', day);
    end loop;
end $$;
