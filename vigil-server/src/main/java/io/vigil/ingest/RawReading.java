package io.vigil.ingest;

import java.time.Instant;

/**
 * One reading as a channel decoded it, before validation. Fields are null when the sender left them out.
 *
 * @param sensor the sensor code
 * @param ts the measurement time
 * @param value the value; NaN or infinite when the sender wrote such a thing
 * @param flag the HJ 212 quality letter; null means {@code N}
 * @param unreadable why the channel could not read the item (wrong JSON types, a timestamp that is not ISO-8601),
 *     or null
 */
public record RawReading(String sensor, Instant ts, Double value, String flag, String unreadable) {

	public static RawReading of(String sensor, Instant ts, double value, String flag) {
		return new RawReading(sensor, ts, value, flag, null);
	}

	/** An item the channel could not read, with what was recognisable of it. */
	public static RawReading unreadable(String sensor, String reason) {
		return new RawReading(sensor, null, null, null, reason);
	}
}
