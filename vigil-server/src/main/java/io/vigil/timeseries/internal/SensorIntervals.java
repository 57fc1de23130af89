package io.vigil.timeseries.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every sensor's expected reporting interval and creation time, held in memory for the online
 * state. Reloaded at most every 30 s (and when asked about a sensor it does not know yet), so that
 * sensors created or changed in the registry are picked up without an explicit signal.
 */
@Component
public class SensorIntervals {

	/** What the online state needs about one sensor. */
	public record Expected(long sensorId, Duration interval, Instant createdAt) {
	}

	private static final Duration RELOAD = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Map<Long, Expected> sensors = Map.of();

	private volatile Instant loadedAt = Instant.MIN;

	SensorIntervals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Expected of(long sensorId) {
		Expected expected = all().get(sensorId);
		if (expected == null) {
			// Only stored sensors are asked about, so a miss means a sensor created since the last load.
			expected = reload().get(sensorId);
		}
		return expected;
	}

	public Map<Long, Expected> all() {
		if (Duration.between(loadedAt, clock.instant()).compareTo(RELOAD) >= 0) {
			return reload();
		}
		return sensors;
	}

	private synchronized Map<Long, Expected> reload() {
		Map<Long, Expected> loaded = new HashMap<>();
		jdbc.sql("select id, interval_seconds, created_at from sensors").query((RowCallbackHandler) rs -> {
			long id = rs.getLong(1);
			loaded.put(id, new Expected(id, Duration.ofSeconds(rs.getInt(2)), rs.getTimestamp(3).toInstant()));
		});
		sensors = Map.copyOf(loaded);
		loadedAt = clock.instant();
		return sensors;
	}
}
