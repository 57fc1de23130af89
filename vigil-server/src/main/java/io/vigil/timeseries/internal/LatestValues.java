package io.vigil.timeseries.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.timeseries.SensorReading;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest reading per sensor that is stored but not yet in {@code sensor_latest}. The writer
 * adds each committed batch's newest readings and upserts them every {@code latest-flush-interval}
 * (one row per sensor however many readings it sent meanwhile); queries overlay them on the table,
 * so what they show is current. After a crash the unflushed ones are recovered from the readings
 * that arrived after the last recorded flush.
 */
@Component
public class LatestValues {

	private final Map<Long, SensorReading> pending = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	LatestValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
		repairAfterCrash();
	}

	/** The newest reading of each sensor in the batch. */
	static Map<Long, SensorReading> newestPerSensor(List<SensorReading> readings) {
		Map<Long, SensorReading> newest = new HashMap<>();
		for (SensorReading reading : readings) {
			newest.merge(reading.sensorId(), reading, (a, b) -> b.ts().isAfter(a.ts()) ? b : a);
		}
		return newest;
	}

	/** Called by the writer after a commit that did not flush. */
	void remember(Collection<SensorReading> newest) {
		for (SensorReading reading : newest) {
			pending.merge(reading.sensorId(), reading, (a, b) -> b.ts().isAfter(a.ts()) ? b : a);
		}
	}

	/** What a flush now would write: the pending readings plus the batch's newest. */
	Map<Long, SensorReading> toFlush(Map<Long, SensorReading> batchNewest) {
		Map<Long, SensorReading> all = new HashMap<>(pending);
		batchNewest.values().forEach(r -> all.merge(r.sensorId(), r, (a, b) -> b.ts().isAfter(a.ts()) ? b : a));
		return all;
	}

	/** Called by the writer after the flush committed: forgets what is now in the table. */
	void flushed(Map<Long, SensorReading> written) {
		written.forEach(pending::remove);
	}

	boolean hasPending() {
		return !pending.isEmpty();
	}

	/** A stored reading newer than what {@code sensor_latest} holds for the sensor, if any. */
	public Optional<SensorReading> unflushed(long sensorId) {
		return Optional.ofNullable(pending.get(sensorId));
	}

	private void repairAfterCrash() {
		boolean clean = jdbc.sql("select clean from sensor_latest_flush").query(Boolean.class).single();
		if (!clean) {
			// Bounded scan: a reading older than 10 minutes before the flush that arrived late and is still its
			// sensor's newest is the one case left to the sensor's next reading.
			jdbc.sql("""
					insert into sensor_latest (sensor_id, ts, value, flag, valid)
					select distinct on (r.sensor_id) r.sensor_id, r.ts, r.value, r.flag, r.valid
					from readings r, sensor_latest_flush f
					where r.ts > f.flushed_at - interval '10 minutes' and r.received_at >= f.flushed_at
					order by r.sensor_id, r.ts desc
					on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value, flag = excluded.flag,
					    valid = excluded.valid
					where excluded.ts > sensor_latest.ts""").update();
		}
		jdbc.sql("update sensor_latest_flush set clean = false").update();
	}

	/** After the writer flushed everything at shutdown. */
	void markClean() {
		jdbc.sql("update sensor_latest_flush set clean = true").update();
	}
}
