package io.vigil.detection.internal;

import java.util.List;

import io.vigil.engine.condition.Condition;

/**
 * One rule as configured, before it is bound to an object: a name (the merge key: a more specific rule
 * set's rule of the same name replaces a less specific one), a kind, and how to build the engine
 * condition for a concrete object.
 *
 * @param sensors for coupled rules, the sensor codes whose readings feed it (empty: the target sensor's)
 * @param source where it comes from, e.g. {@code default} or {@code rule-set 7 v3}, for explanations
 */
public record RuleSpec(String name, String kind, boolean enabled, List<String> sensors, Factory factory,
		String source) {

	/** Builds the engine condition with the given engine rule id for the target object. */
	@FunctionalInterface
	public interface Factory {

		Condition build(String id, Target target);
	}

	public boolean coupled() {
		return !sensors.isEmpty();
	}

	public RuleSpec from(String newSource) {
		return new RuleSpec(name, kind, enabled, sensors, factory, newSource);
	}
}
