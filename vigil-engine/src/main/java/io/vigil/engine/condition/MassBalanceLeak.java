package io.vigil.engine.condition;

import java.time.Duration;
import java.util.Objects;

/**
 * Leak on a pipeline segment by mass balance. Over the last {@code window} of reading time, a leak
 * is suspected when the pressure fell at both ends (each by at least {@code minPressureDrop}) while
 * the mean of inlet flow minus outlet flow exceeded {@code expectedImbalance} (metering error plus
 * line-pack allowance). Graded by size: imbalance above 1× the expected gives yellow, 2× orange,
 * 4× red; a suspicion that persists longer than {@code persistence} is raised one level.
 *
 * @param segmentKey the asset (segment) outcomes are about
 */
public record MassBalanceLeak(String id, String segmentKey, String inletPressure, String outletPressure,
		String inletFlow, String outletFlow, Duration window, double expectedImbalance, double minPressureDrop,
		Duration persistence) implements Condition {

	public MassBalanceLeak {
		Condition.requireId(id);
		Objects.requireNonNull(segmentKey, "segmentKey");
		Objects.requireNonNull(inletPressure, "inletPressure");
		Objects.requireNonNull(outletPressure, "outletPressure");
		Objects.requireNonNull(inletFlow, "inletFlow");
		Objects.requireNonNull(outletFlow, "outletFlow");
		Objects.requireNonNull(window, "window");
		Objects.requireNonNull(persistence, "persistence");
		Condition.requirePositive("expectedImbalance", expectedImbalance);
		Condition.requirePositive("minPressureDrop", minPressureDrop);
	}
}
