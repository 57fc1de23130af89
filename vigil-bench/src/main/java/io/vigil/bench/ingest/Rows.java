package io.vigil.bench.ingest;

import java.time.Instant;

/**
 * The benchmark's synthetic readings: row {@code i} belongs to sensor {@code i % sensors} at
 * {@code base + i / sensors} seconds, so every (sensor, ts) is unique and each sensor reports once a
 * second in order, as a fleet of loggers would.
 */
record Rows(int sensors, Instant base) {

	int sensor(long row) {
		return (int) (row % sensors);
	}

	Instant ts(long row) {
		return base.plusSeconds(row / sensors);
	}

	/**
	 * 0.0–19.9: below every set point of the seeded type (combustible gas, alarm at 25 %LEL), a fleet in clean air,
	 * so that the load raises no warnings and the warning-latency probes are the only ones.
	 */
	double value(long row) {
		return (row * 7 % 200) / 10.0;
	}
}
