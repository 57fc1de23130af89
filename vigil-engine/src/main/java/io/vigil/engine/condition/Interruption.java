package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Data interruption of one sensor: no reading (valid or not) for {@code factor × interval}.
 * Judged on timer ticks; the next reading recovers it.
 */
public record Interruption(String id, Duration interval, int factor, Level level) implements Condition {

	public Interruption {
		Condition.requireId(id);
		Objects.requireNonNull(interval, "interval");
		Objects.requireNonNull(level, "level");
		if (interval.isZero() || interval.isNegative() || factor < 1) {
			throw new IllegalArgumentException("interruption needs a positive interval and factor >= 1");
		}
	}

	/** Silence after which the sensor is offline. */
	public Duration silence() {
		return interval.multipliedBy(factor);
	}
}
