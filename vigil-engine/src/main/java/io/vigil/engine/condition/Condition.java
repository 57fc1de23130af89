package io.vigil.engine.condition;

/**
 * A rule's configuration: plain data, validated on construction, free of state. Turn one into an
 * evaluator with {@link io.vigil.engine.Evaluators#of(Condition)}.
 */
public sealed interface Condition permits Threshold, RateOfChange, Interruption, GroupInterruption,
		DataQuality, Trend, MassBalanceLeak, GasWithPressureDrop, ConstructionIntrusion, RobustAnomaly,
		PcaAnomaly {

	/** Rule id, unique within the rule set; copied into every outcome. */
	String id();

	/** Rejects blank ids; shared by all conditions. */
	static String requireId(String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a rule needs a non-blank id");
		}
		return id;
	}

	/** Rejects non-positive values with a message naming the parameter. */
	static void requirePositive(String name, double value) {
		if (!(value > 0)) {
			throw new IllegalArgumentException(name + " must be > 0, was " + value);
		}
	}
}
