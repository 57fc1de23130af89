package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.util.Objects;

/**
 * One edge of a multi-level threshold: values at or beyond {@code value} on side {@code bound} are at
 * least {@code level}. High and high-high are two HIGH limits with different levels; low and
 * low-low likewise.
 */
public record Limit(Bound bound, double value, Level level) {

	public Limit {
		Objects.requireNonNull(bound, "bound");
		Objects.requireNonNull(level, "level");
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("limit value must be finite, was " + value);
		}
	}

	public static Limit high(double value, Level level) {
		return new Limit(Bound.HIGH, value, level);
	}

	public static Limit low(double value, Level level) {
		return new Limit(Bound.LOW, value, level);
	}

	/** True when {@code v} violates this limit, widened by {@code deadband} if it is already held. */
	public boolean violatedBy(double v, boolean held, double deadband) {
		if (bound == Bound.HIGH) {
			return held ? v > value - deadband : v >= value;
		}
		return held ? v < value + deadband : v <= value;
	}
}
