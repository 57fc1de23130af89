package io.vigil.engine.runtime;

import io.vigil.engine.Evaluator;
import java.util.List;

/**
 * Which rules read which sensor, supplied by the server from its rule configuration (most specific
 * wins: sensor over asset over asset type over sensor type). Implementations must be immutable
 * snapshots: the runner swaps the whole book to change rules without a restart.
 */
public interface RuleBook {

	/** Evaluators that judge readings of {@code sensorKey}, possibly empty, never null. Called per reading: make it a map lookup. */
	List<Evaluator<?>> rulesFor(String sensorKey);

	/** The evaluator with this rule id, or {@code null} when the rule no longer exists (its states are then dropped). */
	Evaluator<?> rule(String ruleId);

	/**
	 * Partition key of a sensor: sensors whose rules share state (coupled models on one segment,
	 * group interruption of one enterprise) must return the same value, e.g. the enterprise code.
	 * Defaults to the sensor key.
	 */
	default String partitionKeyOf(String sensorKey) {
		return sensorKey;
	}
}
