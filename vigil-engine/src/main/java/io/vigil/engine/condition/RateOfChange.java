package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Rate of change over a sliding window, in units per minute: the slope between the oldest reading
 * still inside {@code window} and the newest one. Raises when the value rises faster than
 * {@code maxRisePerMinute} or falls faster than {@code maxFallPerMinute} (both positive; use
 * {@code Double.NaN} to disable one side) for {@code onReadings} consecutive readings; recovers when
 * the rate is back within the limit for as many readings.
 */
public record RateOfChange(String id, Duration window, double maxRisePerMinute, double maxFallPerMinute,
		int onReadings, Level level) implements Condition {

	public RateOfChange {
		Condition.requireId(id);
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(level, "level");
		if (window.isZero() || window.isNegative()) {
			throw new IllegalArgumentException("window must be positive, was " + window);
		}
		if (Double.isNaN(maxRisePerMinute) && Double.isNaN(maxFallPerMinute)) {
			throw new IllegalArgumentException("rate rule " + id + " needs a rise or a fall limit");
		}
		if (!Double.isNaN(maxRisePerMinute)) {
			Condition.requirePositive("maxRisePerMinute", maxRisePerMinute);
		}
		if (!Double.isNaN(maxFallPerMinute)) {
			Condition.requirePositive("maxFallPerMinute", maxFallPerMinute);
		}
		if (onReadings < 1) {
			throw new IllegalArgumentException("onReadings must be >= 1, was " + onReadings);
		}
	}

	/** Pressure-style rule: falling faster than {@code perMinute}. */
	public static RateOfChange falling(String id, double perMinute, Duration window, Level level) {
		return new RateOfChange(id, window, Double.NaN, perMinute, 1, level);
	}
}
