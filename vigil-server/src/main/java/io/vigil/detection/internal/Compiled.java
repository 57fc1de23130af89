package io.vigil.detection.internal;

import java.util.List;
import java.util.Map;

import io.vigil.engine.Evaluator;
import io.vigil.engine.runtime.FixedRuleBook;
import io.vigil.engine.runtime.RuleBook;

/**
 * One immutable build of the rules: the engine's rule book plus what is needed to turn outcomes back into
 * warnings about registry objects. Engine keys: a sensor's code; {@code asset:<code>} for coupled rules;
 * {@code enterprise:<code>} for an enterprise's group silence. {@code rules} has one entry per rule id, and
 * sensors of one type with the same set points share their rule ids (see {@link RuleCompiler}).
 */
public record Compiled(FixedRuleBook book, Map<Long, String> codesById, Map<String, Subject> subjects,
		Map<String, RuleInfo> rules, Map<String, List<String>> sensorsByEnterprise) {

	/** The registry object behind an engine key. */
	public record Subject(Long sensorId, Long assetId, long enterpriseId, String enterpriseCode, String domain,
			Double rangeMin, Double rangeMax) {

		boolean inRange(double v) {
			return (rangeMin == null || v >= rangeMin) && (rangeMax == null || v <= rangeMax);
		}
	}

	/**
	 * What an engine rule id stands for.
	 *
	 * @param name the configured rule's name, used as the warning's rule (one open warning per object and name)
	 * @param kind the rule kind of the JSON form ({@code threshold}, {@code mass_balance_leak}, …, or {@code group})
	 * @param source {@code default} or the rule set and version it came from
	 */
	public record RuleInfo(String name, String kind, String source) {
	}

	public static final Compiled EMPTY = new Compiled(FixedRuleBook.builder().build(), Map.of(), Map.of(), Map.of(),
			Map.of());

	/** The rule behind an outcome's rule id; data-quality outcomes append {@code :<check>} to the id. */
	public RuleInfo rule(String outcomeRuleId) {
		RuleInfo info = rules.get(outcomeRuleId);
		if (info == null) {
			int colon = outcomeRuleId.lastIndexOf(':');
			info = colon < 0 ? null : rules.get(outcomeRuleId.substring(0, colon));
		}
		return info;
	}

	/** The rule book the engine runs: this build's, with partitions following the subjects' enterprises. */
	public RuleBook engineBook() {
		return new EngineBook(this);
	}

	private record EngineBook(Compiled compiled) implements RuleBook {

		@Override
		public List<Evaluator<?>> rulesFor(String sensorKey) {
			return compiled.book.rulesFor(sensorKey);
		}

		@Override
		public Evaluator<?> rule(String ruleId) {
			return compiled.book.rule(ruleId);
		}

		/** A sensor's enterprise, read from its subject rather than from a second map of every sensor. */
		@Override
		public String partitionKeyOf(String sensorKey) {
			Subject subject = compiled.subjects.get(sensorKey);
			return subject == null ? sensorKey : subject.enterpriseCode();
		}
	}

	public List<String> sensorKeys() {
		return List.copyOf(codesById.values());
	}
}
