package io.vigil.timeseries;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vigil.timeseries.internal.LatestValues;
import io.vigil.timeseries.internal.SensorIntervals;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * When each sensor was last heard from, and whether it is online: a sensor is offline once it has
 * been silent for {@code vigil.timeseries.offline-after-intervals} (default 3) times its reporting
 * interval (a sensor that never reported counts from its creation). Kept in memory from every
 * stored batch (the newest reading time per sensor, never later than when it arrived) and rebuilt
 * from {@code sensor_latest} at start, so it costs no query on the hot path.
 */
@Service
public class SensorOnlineState implements ReadingsStored {

	/** A sensor that stopped reporting: silent since {@code lastSeen} (null if it never reported). */
	public record Silence(long sensorId, Instant lastSeen, Duration interval) {
	}

	private final SensorIntervals intervals;

	private final Clock clock;

	private final int offlineAfter;

	/**
	 * Newest reading time per sensor, epoch millis. A counter of its own per sensor, updated in place: a boxed
	 * value replaced with every reading is a new object stored into a long-lived map entry, which G1 pays for.
	 */
	private final Map<Long, AtomicLong> lastSeenMillis = new ConcurrentHashMap<>();

	SensorOnlineState(SensorIntervals intervals, JdbcClient jdbc, Clock clock, TimeseriesSettings settings,
			LatestValues repairedFirst) {
		this.intervals = intervals;
		this.clock = clock;
		this.offlineAfter = settings.offlineAfterIntervals();
		jdbc.sql("select sensor_id, ts from sensor_latest")
			.query((RowCallbackHandler) rs -> lastSeenMillis.put(rs.getLong(1),
					new AtomicLong(Math.min(rs.getTimestamp(2).getTime(), clock.millis()))));
	}

	public Optional<Instant> lastSeen(long sensorId) {
		return Optional.ofNullable(lastSeenMillis.get(sensorId)).map(seen -> Instant.ofEpochMilli(seen.get()));
	}

	public boolean isOnline(long sensorId, Instant now) {
		SensorIntervals.Expected expected = intervals.of(sensorId);
		AtomicLong seen = lastSeenMillis.get(sensorId);
		return expected != null && seen != null && !silentTooLong(seen.get(), expected, now);
	}

	/** Sensors offline at {@code now}, the longest silent first. */
	public List<Silence> offlineSensors(Instant now) {
		List<Silence> offline = new ArrayList<>();
		for (SensorIntervals.Expected expected : intervals.all().values()) {
			AtomicLong seen = lastSeenMillis.get(expected.sensorId());
			long since = seen != null ? seen.get() : expected.createdAt().toEpochMilli();
			if (silentTooLong(since, expected, now)) {
				offline.add(new Silence(expected.sensorId(), seen == null ? null : Instant.ofEpochMilli(since),
						expected.interval()));
			}
		}
		offline.sort(Comparator.comparing((Silence s) -> s.lastSeen() == null ? Instant.MIN : s.lastSeen()));
		return offline;
	}

	private boolean silentTooLong(long sinceMillis, SensorIntervals.Expected expected, Instant now) {
		return now.toEpochMilli() - sinceMillis > expected.interval().toMillis() * offlineAfter;
	}

	@Override
	public void stored(List<SensorReading> readings) {
		long arrived = clock.millis();
		for (SensorReading reading : readings) {
			long ts = Math.min(reading.ts().toEpochMilli(), arrived);
			AtomicLong seen = lastSeenMillis.get(reading.sensorId());
			if (seen == null) {
				seen = lastSeenMillis.computeIfAbsent(reading.sensorId(), id -> new AtomicLong(ts));
			}
			seen.accumulateAndGet(ts, Math::max);
		}
	}
}
