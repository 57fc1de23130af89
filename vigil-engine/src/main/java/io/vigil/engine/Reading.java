package io.vigil.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One measured value of one sensor.
 *
 * @param key     the sensor's code, unique within the installation
 * @param ts      when the value was measured (not when it arrived)
 * @param value   the value in the sensor's unit
 * @param quality {@link Quality#VALID} unless the source flagged the value as invalid
 */
public record Reading(String key, Instant ts, double value, Quality quality) implements java.io.Serializable {

	public Reading {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(ts, "ts");
		Objects.requireNonNull(quality, "quality");
	}

	/** A valid reading. */
	public static Reading of(String key, Instant ts, double value) {
		return new Reading(key, ts, value, Quality.VALID);
	}

	/** A reading with the quality given by an HJ 212 flag. */
	public static Reading of(String key, Instant ts, double value, String hj212Flag) {
		return new Reading(key, ts, value, Quality.ofHj212(hj212Flag));
	}

	/** True when the value may be judged as a process value. */
	public boolean valid() {
		return quality == Quality.VALID && Double.isFinite(value);
	}
}
