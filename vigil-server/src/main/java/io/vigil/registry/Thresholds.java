package io.vigil.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Set points of a sensor; any may be null (not set). {@code high}/{@code highHigh} alarm when a value
 * rises above them, so a lower value is tighter; {@code low}/{@code lowLow} alarm when a value falls
 * below them, so a higher value is tighter. {@code highHigh} is the second (more severe) stage of
 * {@code high}, e.g. combustible gas 25 / 50 %LEL.
 */
public record Thresholds(Double high, Double highHigh, Double low, Double lowLow) {

	public static final Thresholds NONE = new Thresholds(null, null, null, null);

	public boolean noneSet() {
		return high == null && highHigh == null && low == null && lowLow == null;
	}

	/** Set points as a map for JSON storage, leaving out those not set. */
	public Map<String, Double> asMap() {
		Map<String, Double> map = new LinkedHashMap<>();
		put(map, "high", high);
		put(map, "highHigh", highHigh);
		put(map, "low", low);
		put(map, "lowLow", lowLow);
		return map;
	}

	/**
	 * These thresholds with every set point the request leaves out taken from the defaults; the
	 * request may not drop or loosen a default.
	 */
	public Thresholds withDefaults(Thresholds defaults) {
		return new Thresholds(high != null ? high : defaults.high, highHigh != null ? highHigh : defaults.highHigh,
				low != null ? low : defaults.low, lowLow != null ? lowLow : defaults.lowLow);
	}

	/** Each set point that is looser than its default, as (field, reason); empty when none is. */
	public List<FieldProblem> loosenedAgainst(Thresholds defaults, String unit) {
		List<FieldProblem> problems = new ArrayList<>();
		above("high", high, defaults.high, unit, problems);
		above("highHigh", highHigh, defaults.highHigh, unit, problems);
		below("low", low, defaults.low, unit, problems);
		below("lowLow", lowLow, defaults.lowLow, unit, problems);
		return problems;
	}

	/** Set points out of order (lowLow ≤ low < high ≤ highHigh), as (field, reason); empty when in order. */
	public List<FieldProblem> disorder() {
		List<FieldProblem> problems = new ArrayList<>();
		if (high != null && highHigh != null && highHigh < high) {
			problems.add(new FieldProblem("thresholds.highHigh", "must not be below high (" + high + ") / 高高限不能低于高限"));
		}
		if (low != null && lowLow != null && lowLow > low) {
			problems.add(new FieldProblem("thresholds.lowLow", "must not be above low (" + low + ") / 低低限不能高于低限"));
		}
		Double top = high != null ? high : highHigh;
		Double bottom = low != null ? low : lowLow;
		if (top != null && bottom != null && bottom >= top) {
			problems.add(new FieldProblem("thresholds.low", "must be below the high set point (" + top + ") / 低限必须小于高限"));
		}
		return problems;
	}

	private static void above(String field, Double value, Double limit, String unit, List<FieldProblem> problems) {
		if (limit != null && value != null && value > limit) {
			problems.add(new FieldProblem("thresholds." + field, value + " " + unit + " is looser than the default " + limit
					+ " " + unit + "; an enterprise may tighten (lower) it but not loosen it / 不得放宽默认阈值 " + limit));
		}
	}

	private static void below(String field, Double value, Double limit, String unit, List<FieldProblem> problems) {
		if (limit != null && value != null && value < limit) {
			problems.add(new FieldProblem("thresholds." + field, value + " " + unit + " is looser than the default " + limit
					+ " " + unit + "; an enterprise may tighten (raise) it but not loosen it / 不得放宽默认阈值 " + limit));
		}
	}

	private static void put(Map<String, Double> map, String key, Double value) {
		if (value != null) {
			map.put(key, value);
		}
	}
}
