/**
 * Ingest benchmark: raw PostgreSQL COPY into a day-partitioned readings table as the baseline, the
 * store's own SQL path, and end-to-end HTTP ingest into a running Vigil, in one run.
 */
package io.vigil.bench.ingest;
