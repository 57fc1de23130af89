package io.vigil.timeseries.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.vigil.timeseries.SensorReading;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Stores one batch in one transaction on the writer's own connection: binary COPY into a temporary
 * staging table (COPY cannot skip conflicts), then {@code INSERT … SELECT … ON CONFLICT DO NOTHING}
 * into the day partitions, the latest value per sensor (only when newer), and a mark on every minute
 * that needs its roll-up recomputed. Commits with {@code synchronous_commit = on}, so that a
 * returning {@link #store} means flushed. Not thread-safe: the writer thread owns it.
 */
final class BatchTransaction implements AutoCloseable {

	static final String STAGING = """
			create temporary table if not exists readings_staging (
			    sensor_id bigint, ts timestamptz, value double precision, flag text, valid boolean,
			    out_of_range boolean) on commit delete rows""";

	static final String COPY = "copy readings_staging (sensor_id, ts, value, flag, valid, out_of_range) "
			+ "from stdin (format binary)";

	static final String INSERT = """
			insert into readings (sensor_id, ts, value, flag, valid, out_of_range)
			select sensor_id, ts, value, flag, valid, out_of_range from readings_staging
			on conflict (sensor_id, ts) do nothing""";

	static final String LATEST = """
			insert into sensor_latest (sensor_id, ts, value, flag, valid)
			select distinct on (sensor_id) sensor_id, ts, value, flag, valid from readings_staging
			order by sensor_id, ts desc
			on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value, flag = excluded.flag,
			    valid = excluded.valid
			where excluded.ts > sensor_latest.ts""";

	static final String MARK_MINUTES = """
			insert into rollup_pending (minute, version)
			select distinct date_trunc('minute', ts), txid_current() from readings_staging where valid
			on conflict (minute) do update set version = excluded.version""";

	private final DataSource dataSource;

	private final DayPartitions partitions;

	private final BinaryCopyBuffer buffer = new BinaryCopyBuffer();

	private Connection connection;

	BatchTransaction(DataSource dataSource, DayPartitions partitions) {
		this.dataSource = dataSource;
		this.partitions = partitions;
	}

	/** Returns the number of readings that were new (not already stored). */
	int store(List<SensorReading> readings) throws SQLException {
		partitions.ensure(DayPartitions.READINGS, days(readings));
		buffer.encode(readings);
		Connection c = connection();
		try {
			CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
			try {
				copy.writeToCopy(buffer.bytes(), 0, buffer.length());
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			int inserted;
			try (Statement statement = c.createStatement()) {
				inserted = statement.executeUpdate(INSERT);
				statement.executeUpdate(LATEST);
				statement.executeUpdate(MARK_MINUTES);
			}
			c.commit();
			return inserted;
		}
		catch (SQLException | RuntimeException e) {
			discard();
			throw e;
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
