package io.vigil.bench.ingest;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.postgresql.PGConnection;

/**
 * The two database-only measurements, each in a fresh schema built from the store's own migrations
 * (V10–V12), with day partitions laid out as the store lays them out: plain with no domain retention
 * configured ({@code domains=0}), else divided by domain into sub-partitions for domains 1…n and a
 * default one (half the sensors have domain 1, half domain 2):
 * <ul>
 * <li><b>raw COPY</b>: binary COPY of the rows straight into the partitioned {@code readings} table,
 * one commit per batch: the ceiling for anything that must stay durable;</li>
 * <li><b>store path</b>: the statements of the store's writer ({@code BatchTransaction}), one commit
 * per batch.</li>
 * </ul>
 * Both run with {@code synchronous_commit = on}; the rows are encoded before the clock starts.
 */
final class DatabasePaths {

	// Mirrors vigil-server io.vigil.timeseries.internal.BatchTransaction (bench must not depend on the server jar).
	private static final String STAGING = """
			create temporary table if not exists readings_staging (
			    sensor_id bigint, ts timestamptz, value double precision, flag text, valid boolean,
			    out_of_range boolean, domain smallint) on commit delete rows;
			create temporary table if not exists latest_staging (like readings_staging) on commit delete rows""";

	private static final String COPY_COLUMNS = "(sensor_id, ts, value, flag, valid, out_of_range, domain) from stdin (format binary)";

	private static final String LATEST = """
			insert into sensor_latest (sensor_id, ts, value, flag, valid)
			select sensor_id, ts, value, flag, valid from latest_staging
			on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value, flag = excluded.flag,
			    valid = excluded.valid
			where excluded.ts > sensor_latest.ts""";

	private static final String MARK_MINUTES = """
			insert into rollup_pending (minute, version) select unnest(?::timestamptz[]), txid_current()
			on conflict (minute) do update set version = excluded.version""";

	private final String jdbcUrl;

	private final String schemaSql;

	private final int domains;

	DatabasePaths(String jdbcUrl, Path migrations, int domains) throws Exception {
		this.jdbcUrl = jdbcUrl;
		this.domains = domains;
		this.schemaSql = Files.readString(migrations.resolve("V10__timeseries.sql")) + ";\n"
				+ Files.readString(migrations.resolve("V11__timeseries_latest_flush.sql")) + ";\n"
				+ Files.readString(migrations.resolve("V12__readings_domain.sql"));
	}

	/** Points per second of raw COPY of {@code total} rows in batches. */
	double rawCopy(Rows rows, long total, int batch) throws Exception {
		return rawCopy(rows, total, batch, () -> {
		});
	}

	/** As {@link #rawCopy(Rows, long, int)}, calling {@code atClockStart} once the rows are encoded. */
	double rawCopy(Rows rows, long total, int batch, Runnable atClockStart) throws Exception {
		try (Connection c = fresh("bench_raw", rows, total)) {
			List<byte[]> chunks = encode(rows, total, batch);
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			atClockStart.run();
			long started = System.nanoTime();
			for (byte[] chunk : chunks) {
				copy.copyIn("copy readings " + COPY_COLUMNS, new ByteArrayInputStream(chunk));
				c.commit();
			}
			return total / ((System.nanoTime() - started) / 1e9);
		}
	}

	/**
	 * Points per second through the store writer's statements: COPY straight into the partitions in a
	 * savepoint (no duplicates here, so the staging fallback never runs), roll-up minute marks, and the
	 * latest-value upsert once per {@code latestEvery} batches (the writer's flush interval, 5 s by
	 * default, spans several batches at full load).
	 */
	double storePath(Rows rows, long total, int batch, int latestEvery) throws Exception {
		try (Connection c = fresh("bench_store", rows, total)) {
			try (Statement s = c.createStatement()) {
				s.execute(STAGING);
			}
			c.commit();
			List<byte[]> chunks = encode(rows, total, batch);
			List<byte[]> latest = new ArrayList<>();
			List<Object[]> minutes = new ArrayList<>();
			for (long from = 0; from < total; from += batch) {
				long to = Math.min(total, from + batch);
				long first = Math.max(from, to - rows.sensors());
				latest.add(CopyEncoder.encode(rows, first, to, 1)); // each sensor's newest row of the batch
				minutes.add(minutes(rows, from, to));
			}
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			long started = System.nanoTime();
			for (int i = 0; i < chunks.size(); i++) {
				Savepoint savepoint = c.setSavepoint();
				copy.copyIn("copy readings " + COPY_COLUMNS, new ByteArrayInputStream(chunks.get(i)));
				c.releaseSavepoint(savepoint);
				try (PreparedStatement mark = c.prepareStatement(MARK_MINUTES)) {
					mark.setArray(1, c.createArrayOf("timestamptz", minutes.get(i)));
					mark.executeUpdate();
				}
				if (i % latestEvery == latestEvery - 1 || i == chunks.size() - 1) {
					copy.copyIn("copy latest_staging " + COPY_COLUMNS, new ByteArrayInputStream(latest.get(i)));
					try (Statement s = c.createStatement()) {
						s.executeUpdate(LATEST);
					}
				}
				c.commit();
			}
			return total / ((System.nanoTime() - started) / 1e9);
		}
	}

	private static Object[] minutes(Rows rows, long from, long to) {
		TreeSet<Long> minutes = new TreeSet<>();
		for (long row = from; row < to; row++) {
			minutes.add(Math.floorDiv(rows.ts(row).getEpochSecond(), 60L));
		}
		return minutes.stream().map(m -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(m * 60), ZoneOffset.UTC))
			.toArray();
	}

	private static List<byte[]> encode(Rows rows, long total, int batch) {
		List<byte[]> chunks = new ArrayList<>();
		for (long from = 0; from < total; from += batch) {
			chunks.add(CopyEncoder.encode(rows, from, Math.min(total, from + batch), 1));
		}
		return chunks;
	}

	/** A connection whose search path is a brand-new schema holding the store's tables and day partitions. */
	private Connection fresh(String schema, Rows rows, long total) throws SQLException {
		Connection c = DriverManager.getConnection(jdbcUrl);
		try (Statement s = c.createStatement()) {
			s.execute("set synchronous_commit = on");
			s.execute("drop schema if exists " + schema + " cascade");
			s.execute("create schema " + schema);
			s.execute("set search_path = " + schema);
			s.execute(schemaSql);
			LocalDate first = LocalDate.ofInstant(rows.ts(0), ZoneOffset.UTC);
			LocalDate last = LocalDate.ofInstant(rows.ts(total - 1), ZoneOffset.UTC);
			for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
				// Mirrors vigil-server DayPartitions / DomainLayout.
				String name = "readings_p" + day.toString().replace("-", "");
				// Each table holding rows has its own primary key (sensor_id, ts), as the store creates them (V12).
				String key = " (primary key (sensor_id, ts))";
				String range = " for values from ('" + day + "T00:00:00Z') to ('" + day.plusDays(1) + "T00:00:00Z')";
				s.execute("create table " + name + " partition of readings"
						+ (domains > 0 ? range + " partition by list (domain)" : key + range));
				for (int domain = 1; domain <= domains; domain++) {
					s.execute("create table " + name + "_d" + domain + " partition of " + name + key + " for values in ("
							+ domain + ")");
				}
				if (domains > 0) {
					s.execute("create table " + name + "_default partition of " + name + key + " default");
				}
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("checkpoint"); // start from a clean WAL position; needs a superuser, optional
		}
		catch (SQLException ignored) {
			// not a superuser: measure without
		}
		c.setAutoCommit(false);
		return c;
	}
}
