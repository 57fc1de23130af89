package io.vigil.engine.condition;

import java.util.List;
import java.util.Objects;

/**
 * Multi-level threshold with hysteresis and delays.
 *
 * <p>The target level of a reading is the most severe limit it violates. A limit whose level is
 * already active stays violated until the value is back inside by more than {@code deadband}
 * (hysteresis). A higher target must persist for {@code onDelay} before it is raised; a lower target
 * (including "none") must persist for {@code offDelay} before the level is lowered or recovered.
 *
 * @param id       rule id
 * @param limits   one or more limits (e.g. high→yellow, high-high→red, low→yellow, low-low→red)
 * @param deadband non-negative width of the hysteresis band, in the sensor's unit
 * @param onDelay  persistence required before raising or escalating
 * @param offDelay persistence required before lowering or recovering
 */
public record Threshold(String id, List<Limit> limits, double deadband, Delay onDelay, Delay offDelay)
		implements Condition {

	public Threshold {
		Condition.requireId(id);
		limits = List.copyOf(limits);
		if (limits.isEmpty()) {
			throw new IllegalArgumentException("threshold " + id + " needs at least one limit");
		}
		if (!(deadband >= 0)) {
			throw new IllegalArgumentException("deadband must be >= 0, was " + deadband);
		}
		Objects.requireNonNull(onDelay, "onDelay");
		Objects.requireNonNull(offDelay, "offDelay");
	}

	/** Threshold without hysteresis or delays. */
	public static Threshold of(String id, Limit... limits) {
		return new Threshold(id, List.of(limits), 0, Delay.NONE, Delay.NONE);
	}
}
