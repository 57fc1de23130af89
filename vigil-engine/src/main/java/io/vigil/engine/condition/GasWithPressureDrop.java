package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Gas in a space next to a pipeline (valve chamber, culvert, basement) while the line pressure drops:
 * together they point at a leak into that space. Raises {@code level} when the latest gas reading is
 * at or above {@code gasThreshold} and the pressure fell by at least {@code minPressureDrop} within
 * {@code window}; recovers when either is no longer true. Gas alone stays the threshold rule's business.
 */
public record GasWithPressureDrop(String id, String assetKey, String gasSensor, String pressureSensor,
		double gasThreshold, double minPressureDrop, Duration window, Level level) implements Condition {

	public GasWithPressureDrop {
		Condition.requireId(id);
		Objects.requireNonNull(assetKey, "assetKey");
		Objects.requireNonNull(gasSensor, "gasSensor");
		Objects.requireNonNull(pressureSensor, "pressureSensor");
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(level, "level");
		Condition.requirePositive("minPressureDrop", minPressureDrop);
	}
}
