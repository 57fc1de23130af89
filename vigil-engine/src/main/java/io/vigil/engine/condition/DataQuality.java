package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.util.Objects;

/**
 * Data-quality checks of one sensor; outcomes are {@code DATA_QUALITY}, never process warnings.
 * Each check is its own condition with rule id {@code id + ":" + check}:
 * <ul>
 * <li>{@code range}: a value outside the physical range [{@code physicalMin}, {@code physicalMax}]
 * of the instrument (not the process limits);</li>
 * <li>{@code flatline}: {@code flatlineReadings} consecutive valid values within
 * {@code flatlineTolerance} of each other (stuck sensor); 0 disables;</li>
 * <li>{@code spike}: a step larger than {@code maxStep} from the previous valid value; NaN disables;</li>
 * <li>{@code invalid}: {@code invalidReadings} consecutive readings flagged invalid (HJ 212 F, M, D,
 * C, T, B); 0 disables.</li>
 * </ul>
 * A check recovers when the first reading that passes it arrives.
 */
public record DataQuality(String id, double physicalMin, double physicalMax, int flatlineReadings,
		double flatlineTolerance, double maxStep, int invalidReadings, Level level) implements Condition {

	public DataQuality {
		Condition.requireId(id);
		Objects.requireNonNull(level, "level");
		if (!(physicalMin < physicalMax)) {
			throw new IllegalArgumentException("physical range is empty: [" + physicalMin + ", " + physicalMax + "]");
		}
		if (flatlineReadings < 0 || flatlineReadings == 1 || invalidReadings < 0 || flatlineTolerance < 0) {
			throw new IllegalArgumentException("flatlineReadings must be 0 or >= 2, invalidReadings >= 0, tolerance >= 0");
		}
	}
}
