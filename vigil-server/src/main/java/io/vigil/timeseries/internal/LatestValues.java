package io.vigil.timeseries.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.timeseries.SensorReading;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The newest stored reading per sensor, and whether {@code sensor_latest} has it yet. The writer
 * records each committed batch here and upserts the unflushed ones every {@code latest-flush-interval}
 * (one row per sensor however many readings it sent meanwhile); queries overlay them on the table,
 * so what they show is current. One entry per sensor stays for good, so that a batch of known sensors
 * only updates entries. After a crash the unflushed ones are recovered from the readings that arrived
 * after the last recorded flush. Changed by the writer thread only.
 */
@Component
public class LatestValues {

	/**
	 * A sensor's newest reading, held in fields of its own rather than as a reference to the reading: the entry
	 * lives long and changes with every reading, and G1 pays for each reference to a new object stored into an
	 * old one (a card to refine, the reading kept alive and copied at the next collection). The flag and domain
	 * are the same few shared strings, stored only when they change. Guarded by its own monitor: written by the
	 * writer thread, read by queries.
	 */
	private static final class Newest {

		private long seconds = Long.MIN_VALUE;

		private int nanos;

		private double value;

		private String flag;

		private boolean valid;

		private boolean outOfRange;

		private String domain;

		private boolean unflushed;

		/** Takes the reading if it is newer than the one held; returns whether that newly made the entry unflushed. */
		synchronized boolean remember(SensorReading reading) {
			if (!take(reading)) {
				return false;
			}
			boolean was = unflushed;
			unflushed = true;
			return !was;
		}

		/** {@code sensor_latest} now holds {@code written} (or newer): the entry is flushed. */
		synchronized void flushed(SensorReading written) {
			take(written);
			unflushed = false;
		}

		synchronized SensorReading unflushed(long sensorId) {
			return unflushed ? reading(sensorId) : null;
		}

		private boolean take(SensorReading reading) {
			Instant ts = reading.ts();
			if (seconds != Long.MIN_VALUE && (ts.getEpochSecond() < seconds
					|| ts.getEpochSecond() == seconds && ts.getNano() <= nanos)) {
				return false;
			}
			seconds = ts.getEpochSecond();
			nanos = ts.getNano();
			value = reading.value();
			if (!reading.flag().equals(flag)) {
				flag = reading.flag();
			}
			valid = reading.valid();
			outOfRange = reading.outOfRange();
			if (!Objects.equals(reading.domain(), domain)) {
				domain = reading.domain();
			}
			return true;
		}

		private SensorReading reading(long sensorId) {
			return new SensorReading(sensorId, Instant.ofEpochSecond(seconds, nanos), value, flag, valid, outOfRange,
					domain);
		}
	}

	private final Map<Long, Newest> newest = new ConcurrentHashMap<>();

	/** Entries with {@code unflushed} set (writer thread). */
	private int pending;

	private final JdbcClient jdbc;

	LatestValues(JdbcClient jdbc) {
		this.jdbc = jdbc;
		repairAfterCrash();
	}

	/** Called by the writer after a commit that did not flush. */
	void remember(List<SensorReading> readings) {
		for (SensorReading reading : readings) {
			Newest entry = entry(reading.sensorId());
			if (entry.remember(reading)) {
				pending++;
			}
		}
	}

	/** What a flush with this batch would write: the newest unflushed reading of every sensor, this batch's included. */
	Map<Long, SensorReading> toFlush(List<SensorReading> batch) {
		Map<Long, SensorReading> all = new HashMap<>();
		if (pending > 0) {
			newest.forEach((id, entry) -> {
				SensorReading reading = entry.unflushed(id);
				if (reading != null) {
					all.put(id, reading);
				}
			});
		}
		for (SensorReading r : batch) {
			all.merge(r.sensorId(), r, (known, next) -> next.ts().isAfter(known.ts()) ? next : known);
		}
		return all;
	}

	/** Called by the writer after the flush of {@link #toFlush} committed: all of it is in the table now. */
	void flushed(Map<Long, SensorReading> written) {
		written.forEach((id, reading) -> {
			entry(id).flushed(reading);
		});
		pending = 0;
	}

	boolean hasPending() {
		return pending > 0;
	}

	/** A stored reading newer than what {@code sensor_latest} holds for the sensor, if any. */
	public Optional<SensorReading> unflushed(long sensorId) {
		Newest entry = newest.get(sensorId);
		return entry == null ? Optional.empty() : Optional.ofNullable(entry.unflushed(sensorId));
	}

	private Newest entry(long sensorId) {
		Newest entry = newest.get(sensorId);
		return entry != null ? entry : newest.computeIfAbsent(sensorId, id -> new Newest());
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
