package io.vigil.timeseries;

import java.time.Instant;

/**
 * One reading as stored: the quality flag as sent (HJ 212 letter, {@code N} by default), whether
 * the flag makes it valid, and whether the value lies outside the sensor's physical range (stored,
 * flagged, never dropped), and the domain (pack code) of the sensor, which decides how long it is kept
 * (null: no domain, the global retention).
 */
public record SensorReading(long sensorId, Instant ts, double value, String flag, boolean valid,
		boolean outOfRange, String domain) {
}
