package io.vigil.engine.runtime;

import io.vigil.engine.Evaluator;
import io.vigil.engine.Evaluators;
import io.vigil.engine.condition.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable rule book built once from (sensor, condition) bindings; one evaluator per condition
 * id, shared by all sensors bound to it (their states are separate). Good for tests, the backtest
 * and as the server's snapshot of its rule configuration.
 */
public final class FixedRuleBook implements RuleBook {

	private final Map<String, List<Evaluator<?>>> bySensor;
	private final Map<String, Evaluator<?>> byId;
	private final Map<String, String> partitionKeys;

	private FixedRuleBook(Map<String, List<Evaluator<?>>> bySensor, Map<String, Evaluator<?>> byId, Map<String, String> partitionKeys) {
		this.bySensor = bySensor;
		this.byId = byId;
		this.partitionKeys = partitionKeys;
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public List<Evaluator<?>> rulesFor(String sensorKey) {
		return bySensor.getOrDefault(sensorKey, List.of());
	}

	@Override
	public Evaluator<?> rule(String ruleId) {
		return byId.get(ruleId);
	}

	@Override
	public String partitionKeyOf(String sensorKey) {
		return partitionKeys.getOrDefault(sensorKey, sensorKey);
	}

	/** Collects bindings; {@link #build()} checks that one id means one condition. */
	public static final class Builder {
		private final Map<String, List<Condition>> bindings = new LinkedHashMap<>();
		private final Map<String, Condition> conditions = new HashMap<>();
		private final Map<String, String> partitionKeys = new HashMap<>();

		/** Sensor {@code sensorKey}'s readings are judged by {@code condition}. */
		public Builder bind(String sensorKey, Condition condition) {
			Condition known = conditions.putIfAbsent(condition.id(), condition);
			if (known != null && !known.equals(condition)) {
				throw new IllegalArgumentException("rule id " + condition.id() + " is used by two different conditions");
			}
			bindings.computeIfAbsent(sensorKey, k -> new ArrayList<>()).add(condition);
			return this;
		}

		/** Places {@code sensorKey} in the partition of {@code partitionKey} (e.g. its enterprise). */
		public Builder partition(String sensorKey, String partitionKey) {
			partitionKeys.put(sensorKey, partitionKey);
			return this;
		}

		public FixedRuleBook build() {
			Map<String, Evaluator<?>> byId = new HashMap<>();
			conditions.forEach((id, condition) -> byId.put(id, Evaluators.of(condition)));
			Map<String, List<Evaluator<?>>> bySensor = new HashMap<>();
			bindings.forEach((sensor, list) -> bySensor.put(sensor, list.stream().<Evaluator<?>>map(c -> byId.get(c.id())).toList()));
			return new FixedRuleBook(bySensor, byId, Map.copyOf(partitionKeys));
		}
	}
}
