-- Per-domain retention of raw readings. Each reading carries the domain (pack code) of its sensor as a
-- small id, and day partitions created from now on are themselves LIST-partitioned by it: one
-- sub-partition per domain with a retention of its own (vigil.timeseries.domain-retention) plus a
-- default sub-partition for all other domains, so that retention still only ever drops whole tables.
-- (V10's "no default partition" is about days: a default here takes rows of domains without their own
-- retention, and the store never attaches a domain partition to a day that may already hold rows.)
-- Day partitions created before this migration stay as they are (domain 0) and follow the global
-- retention.

-- Domain codes get a small id so that a reading costs 2 bytes more, not a text: the column also sits in
-- the primary key index, where a smallint fits in the padding after ts (the index does not grow).
create table reading_domains (
    id   smallint primary key,
    code text not null unique
);
insert into reading_domains values (0, '');    -- readings stored before this migration, or of no known domain

-- A constant default is metadata only: existing partitions are not rewritten.
alter table readings add column domain smallint not null default 0;

-- PostgreSQL wants every partition key in a partitioned table's unique constraints. (sensor_id, ts) stays
-- unique in practice: the registry refuses to move a sensor to another domain (see SensorRegistry), so a
-- sensor's readings always carry the same domain. (Exception: a reading stored before this migration and
-- sent again after it is kept twice, once with domain 0.) Rebuilds the key index of existing partitions once.
alter table readings drop constraint readings_pkey;
alter table readings add primary key (sensor_id, ts, domain);
