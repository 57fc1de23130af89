package io.vigil.engine.condition;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a new state must persist before it is reported: at least {@code duration} of reading
 * time between the first and the latest reading in that state, and at least {@code readings}
 * consecutive readings. {@link #NONE} reports at once.
 */
public record Delay(Duration duration, int readings) {

	public static final Delay NONE = new Delay(Duration.ZERO, 1);

	public Delay {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative()) {
			throw new IllegalArgumentException("delay duration must not be negative, was " + duration);
		}
		if (readings < 1) {
			throw new IllegalArgumentException("delay readings must be >= 1, was " + readings);
		}
	}

	public static Delay ofSeconds(long seconds) {
		return new Delay(Duration.ofSeconds(seconds), 1);
	}

	public static Delay ofReadings(int readings) {
		return new Delay(Duration.ZERO, readings);
	}

	/** True when a state held for {@code elapsedMillis} over {@code count} readings is confirmed. */
	public boolean satisfiedBy(long elapsedMillis, int count) {
		return count >= readings && elapsedMillis >= duration.toMillis();
	}
}
