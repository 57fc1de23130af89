package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Early warning by trend: a least-squares line through the readings of the last {@code window}
 * (at least {@code minReadings} of them) is extrapolated; if it reaches {@code threshold} from side
 * {@code bound} within {@code horizon}, an {@code EARLY_WARNING} outcome says when. It recovers when
 * the projected time exceeds twice the horizon or the trend turns away. Already being beyond the
 * threshold is the threshold rule's business, not this one's.
 */
public record Trend(String id, Bound bound, double threshold, Duration window, int minReadings,
		Duration horizon, Level level) implements Condition {

	public Trend {
		Condition.requireId(id);
		Objects.requireNonNull(bound, "bound");
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(horizon, "horizon");
		Objects.requireNonNull(level, "level");
		if (minReadings < 3) {
			throw new IllegalArgumentException("a trend needs minReadings >= 3, was " + minReadings);
		}
	}
}
