package io.vigil.timeseries.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.vigil.timeseries.SensorReading;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores one batch in one transaction on the writer's own connection and commits with
 * {@code synchronous_commit = on}, so that a returning {@link #store} means flushed. The fast path
 * is binary COPY straight into the day partitions inside a savepoint; only when the batch repeats a
 * stored (sensor, ts) (a client retrying) does it fall back to COPY into a temporary staging table and
 * {@code INSERT … ON CONFLICT DO NOTHING} (COPY itself cannot skip conflicts). The same transaction
 * marks the minutes whose roll-ups are due (and learns which marks are new, see {@link MinuteAggregates})
 * and, when due, upserts the latest values.
 * Not thread-safe: the writer thread owns it.
 */
final class BatchTransaction implements AutoCloseable {

	static final String STAGING = """
			create temporary table if not exists readings_staging (
			    sensor_id bigint, ts timestamptz, value double precision, flag text, valid boolean,
			    out_of_range boolean, domain smallint) on commit delete rows;
			create temporary table if not exists latest_staging (like readings_staging) on commit delete rows""";

	static final String COLUMNS = " (sensor_id, ts, value, flag, valid, out_of_range, domain) from stdin (format binary)";

	static final String INSERT = """
			insert into readings (sensor_id, ts, value, flag, valid, out_of_range, domain)
			select sensor_id, ts, value, flag, valid, out_of_range, domain from readings_staging
			on conflict do nothing"""; // no target: the key (sensor_id, ts) is each leaf table's own (V12)

	static final String LATEST = """
			insert into sensor_latest (sensor_id, ts, value, flag, valid)
			select sensor_id, ts, value, flag, valid from latest_staging
			on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value, flag = excluded.flag,
			    valid = excluded.valid
			where excluded.ts > sensor_latest.ts""";

	static final String MARK_MINUTES = """
			insert into rollup_pending (minute, version, marked_at)
			select unnest(?::timestamptz[]), txid_current(), statement_timestamp()
			on conflict (minute) do update set version = excluded.version, marked_at = excluded.marked_at
			returning extract(epoch from minute)::bigint / 60, xmax = 0""";

	private final DataSource dataSource;

	private final DayPartitions partitions;

	private final LatestValues latest;

	private final ReadingDomains domains;

	private final MinuteAggregates aggregates;

	private final BinaryCopyBuffer buffer;

	private Connection connection;

	BatchTransaction(DataSource dataSource, DayPartitions partitions, LatestValues latest, ReadingDomains domains,
			MinuteAggregates aggregates) {
		this.dataSource = dataSource;
		this.aggregates = aggregates;
		this.partitions = partitions;
		this.latest = latest;
		this.domains = domains;
		this.buffer = new BinaryCopyBuffer(domains);
	}

	/**
	 * Stores the readings, and flushes the latest values too if {@code flushLatest}. Returns the number
	 * of readings that were new (not already stored).
	 */
	int store(List<SensorReading> readings, boolean flushLatest) throws SQLException {
		partitions.ensure(DayPartitions.READINGS, days(readings));
		buffer.encode(readings);
		Connection c = connection();
		try {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			long inserted = readings.isEmpty() ? 0 : insert(c, copy);
			Set<Long> created = markMinutes(c, readings);
			Map<Long, SensorReading> flushed = flushLatest ? latest.toFlush(readings) : Map.of();
			if (!flushed.isEmpty()) {
				writeLatest(c, copy, flushed);
			}
			// Every reading new: the roll-ups can add them up as they are, else they read them back.
			aggregates.commit(c::commit, readings, created, inserted == readings.size());
			if (flushLatest) {
				latest.flushed(flushed);
			}
			else {
				latest.remember(readings);
			}
			return (int) inserted;
		}
		catch (SQLException | RuntimeException e) {
			discard();
			throw e;
		}
	}

	private long insert(Connection c, CopyManager copy) throws SQLException {
		Savepoint savepoint = c.setSavepoint();
		try {
			long inserted = copy(copy, "readings", buffer.input());
			c.releaseSavepoint(savepoint);
			return inserted;
		}
		catch (SQLException e) {
			if (!"23505".equals(e.getSQLState())) {
				throw e;
			}
			// Some (sensor, ts) is stored already: take the slower path that skips those.
			c.rollback(savepoint);
			copy(copy, "readings_staging", buffer.input());
			try (Statement statement = c.createStatement()) {
				return statement.executeUpdate(INSERT);
			}
		}
	}

	private static long copy(CopyManager copy, String table, InputStream rows) throws SQLException {
		try {
			return copy.copyIn("copy " + table + COLUMNS, rows);
		}
		catch (IOException e) {
			throw new SQLException("COPY into " + table + " failed", e);
		}
	}

	/** Flushes the pending latest values on their own, when no batch is coming. */
	void flushLatest() throws SQLException {
		store(List.of(), true);
	}

	private void writeLatest(Connection c, CopyManager copy, Map<Long, SensorReading> flushed) throws SQLException {
		BinaryCopyBuffer rows = new BinaryCopyBuffer(domains);
		rows.encode(List.copyOf(flushed.values()));
		copy(copy, "latest_staging", rows.input());
		try (Statement statement = c.createStatement()) {
			statement.executeUpdate(LATEST);
			statement.executeUpdate("update sensor_latest_flush set flushed_at = now()");
		}
	}

	/** Marks the minutes of the valid readings; returns those (epoch minutes) whose mark is new. */
	private static Set<Long> markMinutes(Connection c, List<SensorReading> readings) throws SQLException {
		// Readings come nearly in time order: skip repeats of the previous minute, then sort out the rest.
		long[] minutes = new long[16];
		int n = 0;
		for (SensorReading reading : readings) {
			if (reading.valid()) {
				long minute = Math.floorDiv(reading.ts().getEpochSecond(), 60L);
				if (n == 0 || minutes[n - 1] != minute) {
					minutes = n == minutes.length ? Arrays.copyOf(minutes, n * 2) : minutes;
					minutes[n++] = minute;
				}
			}
		}
		if (n == 0) {
			return Set.of();
		}
		Object[] starts = Arrays.stream(minutes, 0, n).sorted().distinct()
			.mapToObj(minute -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(minute * 60), ZoneOffset.UTC))
			.toArray();
		try (PreparedStatement statement = c.prepareStatement(MARK_MINUTES)) {
			statement.setArray(1, c.createArrayOf("timestamptz", starts));
			Set<Long> created = new HashSet<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (rs.getBoolean(2)) {
						created.add(rs.getLong(1));
					}
				}
			}
			return created;
		}
	}

	static Set<LocalDate> days(List<SensorReading> readings) {
		Set<LocalDate> days = new TreeSet<>();
		long lastDay = Long.MIN_VALUE;
		for (SensorReading reading : readings) {
			long day = Math.floorDiv(reading.ts().getEpochSecond(), 86_400L);
			if (day != lastDay) {
				days.add(LocalDate.ofEpochDay(day));
				lastDay = day;
			}
		}
		return days;
	}

	private Connection connection() throws SQLException {
		if (connection == null) {
			Connection c = dataSource.getConnection();
			try (Statement statement = c.createStatement()) {
				// An acknowledged reading is a promise: never trust a server default for this.
				statement.execute("set synchronous_commit = on");
				statement.execute(STAGING);
				c.setAutoCommit(false);
			}
			catch (SQLException e) {
				c.close();
				throw e;
			}
			connection = c;
		}
		return connection;
	}

	/** Throws the connection away after a failure: its state is unknown; the next batch gets a new one. */
	private void discard() {
		if (connection != null) {
			try {
				connection.rollback();
			}
			catch (SQLException | RuntimeException ignored) {
				// the connection may be dead already
			}
			try {
				connection.close();
			}
			catch (SQLException | RuntimeException ignored) {
				// nothing more to do
			}
			connection = null;
		}
	}

	@Override
	public void close() {
		discard();
	}
}
