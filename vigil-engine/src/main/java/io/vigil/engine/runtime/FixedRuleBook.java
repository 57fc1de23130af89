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
 * and as the server's snapshot of its rule configuration. {@link #with} derives a book in which some
 * sensors' bindings changed, keeping the evaluators of unchanged conditions.
 */
public final class FixedRuleBook implements RuleBook {

	private final Map<String, List<Evaluator<?>>> bySensor;
	private final Map<String, Evaluator<?>> byId;
	private final Map<String, Condition> conditions;
	private final Map<String, String> partitionKeys;

	private FixedRuleBook(Map<String, List<Evaluator<?>>> bySensor, Map<String, Evaluator<?>> byId,
			Map<String, Condition> conditions, Map<String, String> partitionKeys) {
		this.bySensor = bySensor;
		this.byId = byId;
		this.conditions = conditions;
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

	/** The conditions that judge {@code sensorKey}, in binding order. */
	public List<Condition> conditionsFor(String sensorKey) {
		List<Evaluator<?>> evaluators = rulesFor(sensorKey);
		List<Condition> list = new ArrayList<>(evaluators.size());
		evaluators.forEach(e -> list.add(conditions.get(e.ruleId())));
		return list;
	}

	/** The condition with this id, or {@code null}. */
	public Condition condition(String ruleId) {
		return conditions.get(ruleId);
	}

	/** Number of distinct conditions (rule ids) in the book. */
	public int size() {
		return conditions.size();
	}

	/**
	 * A book in which each sensor of {@code rebound} is judged by exactly the given conditions (an empty
	 * list unbinds it) and placed in the given partition; all other sensors keep theirs. Conditions equal to
	 * one in force keep its evaluator; a rule id no sensor uses any more disappears. Costs one pass over the
	 * sensors, however few change.
	 *
	 * @throws IllegalArgumentException when a new condition reuses the id of a different one still in use
	 */
	public FixedRuleBook with(Map<String, List<Condition>> rebound, Map<String, String> partitions) {
		Map<String, Condition> added = new HashMap<>();
		rebound.values().forEach(list -> list.forEach(c -> {
			Condition known = added.putIfAbsent(c.id(), c);
			if (known != null && !known.equals(c)) {
				throw new IllegalArgumentException("rule id " + c.id() + " is used by two different conditions");
			}
		}));
		Map<String, Evaluator<?>> evaluators = new HashMap<>();
		added.forEach((id, c) -> {
			Evaluator<?> old = byId.get(id);
			evaluators.put(id, old != null && c.equals(conditions.get(id)) ? old : Evaluators.of(c));
		});
		Map<List<Evaluator<?>>, List<Evaluator<?>>> lists = new HashMap<>();
		Map<String, List<Evaluator<?>>> sensors = new HashMap<>(bySensor);
		rebound.forEach((sensor, list) -> {
			if (list.isEmpty()) {
				sensors.remove(sensor);
			} else {
				sensors.put(sensor, lists.computeIfAbsent(list.stream().<Evaluator<?>>map(c -> evaluators.get(c.id())).toList(), l -> l));
			}
		});
		Map<String, Evaluator<?>> ids = new HashMap<>();
		Map<String, Condition> used = new HashMap<>();
		for (List<Evaluator<?>> list : sensors.values()) {
			for (Evaluator<?> e : list) {
				if (ids.putIfAbsent(e.ruleId(), e) == null) {
					used.put(e.ruleId(), evaluators.containsKey(e.ruleId()) ? added.get(e.ruleId()) : conditions.get(e.ruleId()));
				} else if (ids.get(e.ruleId()) != e) {
					throw new IllegalArgumentException("rule id " + e.ruleId() + " is used by two different conditions");
				}
			}
		}
		Map<String, String> keys = new HashMap<>(partitionKeys);
		keys.putAll(partitions);
		rebound.forEach((sensor, list) -> {
			if (list.isEmpty()) {
				keys.remove(sensor);
			}
		});
		return new FixedRuleBook(sensors, ids, used, keys);
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
			// Sensors judged by the same rules share one list: fleets of one type differ only in their keys.
			Map<List<Evaluator<?>>, List<Evaluator<?>>> lists = new HashMap<>();
			Map<String, List<Evaluator<?>>> bySensor = new HashMap<>();
			bindings.forEach((sensor, list) -> bySensor.put(sensor,
					lists.computeIfAbsent(list.stream().<Evaluator<?>>map(c -> byId.get(c.id())).toList(), l -> l)));
			// HashMap, not Map.copyOf: its linear probing degrades on the clustered hash codes of sequential keys.
			return new FixedRuleBook(bySensor, byId, Map.copyOf(conditions), new HashMap<>(partitionKeys));
		}
	}
}
