package io.vigil.timeseries.internal;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

import io.vigil.timeseries.SensorReading;

import org.springframework.stereotype.Component;

/**
 * What the writer added to each minute marked in {@code rollup_pending}, kept in memory so that the
 * roll-up job can merge it into the 1-minute and 1-hour rows instead of reading the raw rows again.
 * A minute is <em>exact</em> while every reading committed into it since its mark was created went
 * through here; it becomes <em>unknown</em> (recomputed from raw, as before) when a batch repeated stored
 * readings, when a commit failed in an unknown state, when its mark existed before this process knew of it
 * (a restart), when the roll-up job lost what it took, or when holding it would pass {@code capacity}
 * sensor-minutes. Commits and the roll-up job's reading of the marks exclude each other, so a mark
 * version the job sees has its readings here already.
 */
@Component
class MinuteAggregates {

	/** Min, max, sum and count of one sensor's valid readings in one minute. */
	static final class Aggregate {

		double min = Double.POSITIVE_INFINITY;

		double max = Double.NEGATIVE_INFINITY;

		double sum;

		long count;

		void add(double value) {
			min = Math.min(min, value);
			max = Math.max(max, value);
			sum += value;
			count++;
		}
	}

	interface SqlAction {

		void run() throws SQLException;
	}

	interface SqlSupplier<T> {

		T get() throws SQLException;
	}

	private final ReentrantLock lock = new ReentrantLock();

	/** Aggregates per sensor id, per epoch minute; a minute without an entry is unknown. */
	private final Map<Long, Map<Long, Aggregate>> minutes = new HashMap<>();

	private final int capacity;

	private int held;

	MinuteAggregates() {
		this(500_000);
	}

	MinuteAggregates(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Runs the commit of a batch that marked the minutes of its valid readings, then records the readings:
	 * {@code exact} when every one of them was inserted (no duplicates skipped); {@code created} holds the
	 * epoch minutes whose mark the batch inserted rather than updated. A failed commit leaves the minutes
	 * unknown, since it may have committed all the same.
	 */
	void commit(SqlAction commit, List<SensorReading> readings, Set<Long> created, boolean exact)
			throws SQLException {
		lock.lock();
		try {
			try {
				commit.run();
			}
			catch (SQLException | RuntimeException e) {
				forget(readings);
				throw e;
			}
			if (exact) {
				record(readings, created);
			}
			else {
				forget(readings);
			}
		}
		finally {
			lock.unlock();
		}
	}

	private void record(List<SensorReading> readings, Set<Long> created) {
		Set<Long> fresh = new HashSet<>(created);
		long current = Long.MIN_VALUE;
		Map<Long, Aggregate> sensors = null;
		for (SensorReading reading : readings) {
			if (!reading.valid()) {
				continue;
			}
			long minute = Math.floorDiv(reading.ts().getEpochSecond(), 60L);
			if (minute != current) {
				current = minute;
				sensors = fresh.remove(minute) ? start(minute) : minutes.get(minute);
			}
			if (sensors == null) {
				continue;
			}
			Aggregate aggregate = sensors.get(reading.sensorId());
			if (aggregate == null) {
				if (held >= capacity) {
					unknown(minute);
					sensors = null;
					continue;
				}
				aggregate = new Aggregate();
				sensors.put(reading.sensorId(), aggregate);
				held++;
			}
			aggregate.add(reading.value());
		}
	}

	/** The mark of the minute is new: nothing of it waits for a roll-up, so counting starts from zero. */
	private Map<Long, Aggregate> start(long minute) {
		unknown(minute);
		Map<Long, Aggregate> sensors = new HashMap<>();
		minutes.put(minute, sensors);
		return sensors;
	}

	private void forget(List<SensorReading> readings) {
		long current = Long.MIN_VALUE;
		for (SensorReading reading : readings) {
			long minute = Math.floorDiv(reading.ts().getEpochSecond(), 60L);
			if (reading.valid() && minute != current) {
				current = minute;
				unknown(minute);
			}
		}
	}

	private void unknown(long minute) {
		Map<Long, Aggregate> known = minutes.remove(minute);
		if (known != null) {
			held -= known.size();
		}
	}

	/**
	 * Reads the marks to roll up with no commit in between, and takes what is known of their minutes
	 * (epoch minutes chosen by {@code minuteOf}); a minute taken without an entry is unknown.
	 */
	<T> Taken<T> take(SqlSupplier<List<T>> marks, ToLongFunction<T> minuteOf) throws SQLException {
		lock.lock();
		try {
			List<T> read = marks.get();
			Map<Long, Map<Long, Aggregate>> taken = new HashMap<>();
			for (T mark : read) {
				long minute = minuteOf.applyAsLong(mark);
				Map<Long, Aggregate> known = minutes.remove(minute);
				if (known != null) {
					held -= known.size();
					taken.put(minute, known);
				}
			}
			return new Taken<>(read, taken);
		}
		finally {
			lock.unlock();
		}
	}

	/** Gives up on minutes whose taken aggregates were not written: they will be recomputed from raw. */
	void lost(Iterable<Long> epochMinutes) {
		lock.lock();
		try {
			for (long minute : epochMinutes) {
				unknown(minute);
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Sensor-minutes held, for tests and metrics. */
	int held() {
		lock.lock();
		try {
			return held;
		}
		finally {
			lock.unlock();
		}
	}

	/** The marks read and the exact aggregates of those of their minutes that have them. */
	record Taken<T>(List<T> marks, Map<Long, Map<Long, Aggregate>> exact) {
	}
}
