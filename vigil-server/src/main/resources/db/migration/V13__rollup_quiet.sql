-- When a minute was last marked (database time). The roll-up job leaves a minute alone until it has
-- been quiet for a moment: a backlog replayed at full speed keeps adding to a minute for seconds,
-- and recomputing it from raw on every pass re-read the same rows many times.
alter table rollup_pending add column marked_at timestamptz not null default statement_timestamp();
