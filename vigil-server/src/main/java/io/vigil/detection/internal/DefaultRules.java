package io.vigil.detection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vigil.detection.internal.RegistryView.SensorEntry;
import io.vigil.engine.Level;
import io.vigil.engine.condition.DataQuality;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.registry.Thresholds;

/**
 * The rules every sensor gets without any configuration, derived from the registry, so that the demo and
 * every new sensor are watched from the first reading: its set points as a threshold, data interruption
 * after k reporting intervals, and data-quality checks. Rule sets override them by name.
 */
public final class DefaultRules {

	/**
	 * Types whose normal value sits still for hours (gas detectors in clean air, on/off states, valve
	 * positions): a flatline there is health, not a stuck sensor.
	 */
	private static final Set<String> STEADY_BY_NATURE = Set.of("combustible_gas", "toxic_gas", "methane", "oxygen",
			"smoke_alarm", "intrusion", "leak_rate", "valve_position", "vibration", "residual_current");

	/** Two consecutive readings confirm an alarm or its end: one noisy sample must not flap a warning. */
	private static final Delay TWO_READINGS = Delay.ofReadings(2);

	private static final String SOURCE = "default";

	private DefaultRules() {
	}

	public static List<RuleSpec> of(SensorEntry sensor, int interruptionFactor) {
		List<RuleSpec> rules = new ArrayList<>(3);
		Threshold threshold = threshold("template", sensor.type(), sensor.thresholds(), sensor.rangeMin(), sensor.rangeMax());
		if (threshold != null) {
			rules.add(new RuleSpec("threshold", "threshold", true, List.of(),
					(id, t) -> new Threshold(id, threshold.limits(), threshold.deadband(), threshold.onDelay(), threshold.offDelay()),
					SOURCE));
		}
		rules.add(new RuleSpec("interruption", "interruption", true, List.of(),
				(id, t) -> new Interruption(id, Duration.ofSeconds(t.intervalSeconds()), interruptionFactor, Level.BLUE), SOURCE));
		int flatline = STEADY_BY_NATURE.contains(sensor.type()) || "state".equals(sensor.unit()) ? 0
				: (int) Math.max(10, Duration.ofHours(2).toSeconds() / Math.max(1, sensor.intervalSeconds()));
		rules.add(new RuleSpec("data_quality", "data_quality", true, List.of(),
				(id, t) -> new DataQuality(id, t.rangeMin() != null ? t.rangeMin() : Double.NEGATIVE_INFINITY,
						t.rangeMax() != null ? t.rangeMax() : Double.POSITIVE_INFINITY, flatline, 0, Double.NaN, 1, Level.BLUE),
				SOURCE));
		return rules;
	}

	/**
	 * The threshold for set points: high and low are yellow (一般), high-high and low-low orange (较大),
	 * as GB/T 50493-2019's first and second alarm; oxygen outside 19.5–23.5 %VOL is orange on both sides
	 * (asphyxiation or enrichment, see the engine's {@code SetPoints}). Deadband 0.5 % of the physical range.
	 * Null when no set point is given.
	 */
	public static Threshold threshold(String id, String type, Thresholds set, Double rangeMin, Double rangeMax) {
		if (set == null || set.noneSet()) {
			return null;
		}
		boolean oxygen = "oxygen".equals(type);
		List<Limit> limits = new ArrayList<>(4);
		if (set.high() != null) {
			limits.add(Limit.high(set.high(), oxygen ? Level.ORANGE : Level.YELLOW));
		}
		if (set.highHigh() != null) {
			limits.add(Limit.high(set.highHigh(), Level.ORANGE));
		}
		if (set.low() != null) {
			limits.add(Limit.low(set.low(), oxygen ? Level.ORANGE : Level.YELLOW));
		}
		if (set.lowLow() != null) {
			limits.add(Limit.low(set.lowLow(), Level.ORANGE));
		}
		double deadband = rangeMin != null && rangeMax != null ? 0.005 * (rangeMax - rangeMin) : 0;
		return new Threshold(id, limits, deadband, TWO_READINGS, TWO_READINGS);
	}
}
