package io.vigil.timeseries.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.vigil.timeseries.TimeseriesSettings;
import org.postgresql.PGConnection;

import org.springframework.stereotype.Component;

/**
 * Keeps the 1-minute and 1-hour roll-ups of valid readings. The writer marks every minute it adds
 * readings to ({@code rollup_pending}, same transaction); this job rolls up each marked minute once it
 * has ended and been quiet for the grace, and only then removes the mark, and only if no writer
 * re-marked the minute meanwhile. A minute whose additions the writer counted exactly
 * ({@link MinuteAggregates}: all since the mark was made, nothing repeated) is merged into its
 * 1-minute and 1-hour rows; any other minute is recomputed from raw and the hour rows of its sensors
 * from their 1-minute rows. Recomputing whenever in doubt makes late, out-of-order and duplicate
 * readings harmless and a crash at any point safe (the mark survives, the counts do not).
 */
@Component
public class Rollups {

	private record Mark(Instant minute, long version) {

		long epochMinute() {
			return minute.getEpochSecond() / 60;
		}
	}

	private static final String STAGING = """
			create temporary table if not exists rollup_staging (
			    sensor_id bigint, minute bigint, min double precision, max double precision,
			    sum double precision, count bigint) on commit delete rows""";

	private static final String MERGE = """
			on conflict (sensor_id, bucket) do update set min = least(r.min, excluded.min),
			    max = greatest(r.max, excluded.max), sum = r.sum + excluded.sum, count = r.count + excluded.count""";

	private static final String MERGE_MINUTES = """
			insert into rollup_1m as r (sensor_id, bucket, min, max, sum, count)
			select sensor_id, to_timestamp(minute * 60), min, max, sum, count from rollup_staging
			""" + MERGE;

	private static final String MERGE_HOURS = """
			insert into rollup_1h as r (sensor_id, bucket, min, max, sum, count)
			select sensor_id, to_timestamp(minute / 60 * 3600), min(min), max(max), sum(sum), sum(count)
			from rollup_staging group by sensor_id, minute / 60
			""" + MERGE;

	private static final String OVERWRITE = """
			on conflict (sensor_id, bucket) do update set min = excluded.min, max = excluded.max, sum = excluded.sum,
			    count = excluded.count""";

	private static final String MINUTE = """
			insert into rollup_1m (sensor_id, bucket, min, max, sum, count)
			select sensor_id, ?, min(value), max(value), sum(value), count(*) from readings
			where valid and ts >= ? and ts < ? group by sensor_id
			""" + OVERWRITE;

	private static final String HOUR = """
			insert into rollup_1h (sensor_id, bucket, min, max, sum, count)
			select r.sensor_id, ?, min(r.min), max(r.max), sum(r.sum), sum(r.count) from rollup_1m r
			where r.sensor_id in (select sensor_id from rollup_1m where bucket = any(?))
			    and r.bucket >= ? and r.bucket < ? group by r.sensor_id
			""" + OVERWRITE;

	private final DataSource dataSource;

	private final DayPartitions partitions;

	private final MinuteAggregates aggregates;

	private final StoreMetrics metrics;

	private final Clock clock;

	private final TimeseriesSettings settings;

	Rollups(DataSource dataSource, DayPartitions partitions, MinuteAggregates aggregates, StoreMetrics metrics,
			Clock clock, TimeseriesSettings settings) {
		this.dataSource = dataSource;
		this.partitions = partitions;
		this.aggregates = aggregates;
		this.metrics = metrics;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Rolls up every marked minute that ended before now minus the grace and has not been marked for the grace
	 * either (the writer is done with it for now); returns how many.
	 */
	public int run() throws SQLException {
		return run(settings.rollupGrace());
	}

	/** {@link #run()} with the given quiet time instead of the grace (zero: every ended minute, for tests). */
	public synchronized int run(Duration quiet) throws SQLException {
		Instant ended = clock.instant().minus(settings.rollupGrace()).minus(1, ChronoUnit.MINUTES);
		int done = 0;
		try (Connection connection = dataSource.getConnection()) {
			while (true) {
				MinuteAggregates.Taken<Mark> taken = aggregates.take(() -> marks(connection, ended, quiet),
						Mark::epochMinute);
				if (taken.marks().isEmpty()) {
					break;
				}
				try {
					rollUp(connection, taken);
				}
				catch (SQLException | RuntimeException e) {
					aggregates.lost(taken.exact().keySet());
					throw e;
				}
				clear(connection, taken.marks());
				done += taken.marks().size();
				if (taken.marks().size() < 1000) {
					break;
				}
			}
		}
		return done;
	}

	private List<Mark> marks(Connection connection, Instant ended, Duration quiet) throws SQLException {
		List<Mark> marks = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select minute, version from rollup_pending
				where minute <= ? and marked_at <= statement_timestamp() - ? * interval '1 millisecond'
				order by minute limit 1000""")) {
			statement.setObject(1, utc(ended));
			statement.setLong(2, quiet.toMillis());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					marks.add(new Mark(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
				}
			}
		}
		return marks;
	}

	/** One transaction: the exactly counted minutes merged, then the others recomputed hour by hour. */
	private void rollUp(Connection connection, MinuteAggregates.Taken<Mark> taken) throws SQLException {
		TreeSet<LocalDate> days = new TreeSet<>();
		taken.marks().forEach(mark -> days.add(LocalDate.ofInstant(mark.minute(), ZoneOffset.UTC)));
		partitions.ensure(DayPartitions.MINUTE_ROLLUPS, days);
		Map<Instant, List<Mark>> recompute = new LinkedHashMap<>();
		for (Mark mark : taken.marks()) {
			if (!taken.exact().containsKey(mark.epochMinute())) {
				recompute.computeIfAbsent(mark.minute().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>()).add(mark);
			}
		}
		connection.setAutoCommit(false);
		try {
			if (!taken.exact().isEmpty()) {
				merge(connection, taken.exact());
			}
			for (Map.Entry<Instant, List<Mark>> hour : recompute.entrySet()) {
				recompute(connection, hour.getKey(), hour.getValue());
			}
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(true);
		}
		int recomputed = recompute.values().stream().mapToInt(List::size).sum();
		metrics.rolledUp(taken.marks().size() - recomputed, recomputed);
	}

	private static void merge(Connection connection, Map<Long, Map<Long, MinuteAggregates.Aggregate>> minutes)
			throws SQLException {
		StringBuilder rows = new StringBuilder();
		minutes.forEach((minute, sensors) -> sensors.forEach((sensor, a) -> rows.append(sensor).append('\t')
			.append(minute).append('\t').append(a.min).append('\t').append(a.max).append('\t').append(a.sum)
			.append('\t').append(a.count).append('\n')));
		try (Statement statement = connection.createStatement()) {
			statement.execute(STAGING);
			try {
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy rollup_staging from stdin", new StringReader(rows.toString()));
			}
			catch (IOException e) {
				throw new SQLException("COPY into rollup_staging failed", e);
			}
			statement.executeUpdate(MERGE_MINUTES);
			statement.executeUpdate(MERGE_HOURS);
		}
	}

	private static void recompute(Connection connection, Instant hour, List<Mark> marks) throws SQLException {
		try (PreparedStatement minute = connection.prepareStatement(MINUTE)) {
			for (Mark mark : marks) {
				minute.setObject(1, utc(mark.minute()));
				minute.setObject(2, utc(mark.minute()));
				minute.setObject(3, utc(mark.minute().plus(1, ChronoUnit.MINUTES)));
				minute.addBatch();
			}
			minute.executeBatch();
		}
		try (PreparedStatement statement = connection.prepareStatement(HOUR)) {
			Object[] minutes = marks.stream().map(mark -> utc(mark.minute())).toArray();
			statement.setObject(1, utc(hour));
			statement.setArray(2, connection.createArrayOf("timestamptz", minutes));
			statement.setObject(3, utc(hour));
			statement.setObject(4, utc(hour.plus(1, ChronoUnit.HOURS)));
			statement.executeUpdate();
		}
	}

	/** One short statement per mark, after the commit: never holds a mark the writer wants to bump. */
	private static void clear(Connection connection, List<Mark> marks) throws SQLException {
		try (PreparedStatement clear = connection
			.prepareStatement("delete from rollup_pending where minute = ? and version = ?")) {
			for (Mark mark : marks) {
				clear.setObject(1, utc(mark.minute()));
				clear.setLong(2, mark.version());
				clear.executeUpdate();
			}
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
