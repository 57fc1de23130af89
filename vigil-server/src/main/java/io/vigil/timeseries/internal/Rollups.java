package io.vigil.timeseries.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

import org.springframework.stereotype.Component;

/**
 * Keeps the 1-minute and 1-hour roll-ups of valid readings. The writer marks every minute it adds
 * readings to ({@code rollup_pending}, same transaction); this job recomputes each marked minute
 * from raw once it has ended (plus a grace), overwrites its 1-minute rows, recomputes the hour rows
 * of the sensors it touched from their 1-minute rows, and only then removes the mark, and only if
 * no writer re-marked the minute meanwhile. Recomputing instead of merging makes late, out-of-order
 * and duplicate readings harmless and a crash at any point safe (the mark survives).
 */
@Component
public class Rollups {

	private record Mark(Instant minute, long version) {
	}

	private static final String MINUTE = """
			insert into rollup_1m (sensor_id, bucket, min, max, sum, count)
			select sensor_id, ?, min(value), max(value), sum(value), count(*) from readings
			where valid and ts >= ? and ts < ? group by sensor_id
			on conflict (sensor_id, bucket) do update set min = excluded.min, max = excluded.max, sum = excluded.sum,
			    count = excluded.count""";

	private static final String HOUR = """
			insert into rollup_1h (sensor_id, bucket, min, max, sum, count)
			select r.sensor_id, ?, min(r.min), max(r.max), sum(r.sum), sum(r.count) from rollup_1m r
			where r.sensor_id in (select sensor_id from rollup_1m where bucket = any(?))
			    and r.bucket >= ? and r.bucket < ? group by r.sensor_id
			on conflict (sensor_id, bucket) do update set min = excluded.min, max = excluded.max, sum = excluded.sum,
			    count = excluded.count""";

	private final DataSource dataSource;

	private final DayPartitions partitions;

	private final Clock clock;

	private final TimeseriesSettings settings;

	Rollups(DataSource dataSource, DayPartitions partitions, Clock clock, TimeseriesSettings settings) {
		this.dataSource = dataSource;
		this.partitions = partitions;
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
			List<Mark> marks;
			while (!(marks = marks(connection, ended, quiet)).isEmpty()) {
				Map<Instant, List<Mark>> byHour = new LinkedHashMap<>();
				for (Mark mark : marks) {
					byHour.computeIfAbsent(mark.minute().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>()).add(mark);
				}
				for (Map.Entry<Instant, List<Mark>> hour : byHour.entrySet()) {
					rollUp(connection, hour.getKey(), hour.getValue());
					done += hour.getValue().size();
				}
				if (marks.size() < 1000) {
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

	private void rollUp(Connection connection, Instant hour, List<Mark> marks) throws SQLException {
		TreeSet<LocalDate> days = new TreeSet<>();
		marks.forEach(mark -> days.add(LocalDate.ofInstant(mark.minute(), ZoneOffset.UTC)));
		partitions.ensure(DayPartitions.MINUTE_ROLLUPS, days);
		connection.setAutoCommit(false);
		try {
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
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(true);
		}
		// One short statement per mark, after the commit: never holds a mark the writer wants to bump.
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
