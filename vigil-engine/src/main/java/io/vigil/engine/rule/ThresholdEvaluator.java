package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link Threshold}. Steady readings return the very same state object, so the hot
 * path allocates nothing. Invalid readings are ignored (data quality judges them); a reading older
 * than the state's last change is late and ignored.
 */
public final class ThresholdEvaluator implements Evaluator<ThresholdState> {

	private final Threshold condition;
	private final double[] edges;
	private final boolean[] high;
	private final int[] levels;
	private final double deadband;
	private final Delay onDelay;
	private final Delay offDelay;

	public ThresholdEvaluator(Threshold condition) {
		this.condition = condition;
		List<Limit> limits = condition.limits();
		this.edges = new double[limits.size()];
		this.high = new boolean[limits.size()];
		this.levels = new int[limits.size()];
		for (int i = 0; i < limits.size(); i++) {
			edges[i] = limits.get(i).value();
			high[i] = limits.get(i).bound() == Bound.HIGH;
			levels[i] = limits.get(i).level().ordinal();
		}
		this.deadband = condition.deadband();
		this.onDelay = condition.onDelay();
		this.offDelay = condition.offDelay();
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public ThresholdState initial() {
		return ThresholdState.NORMAL;
	}

	/** Level ordinal the value calls for given the active level ({@code -1}: normal). */
	int target(double v, int active) {
		int target = -1;
		for (int i = 0; i < edges.length; i++) {
			boolean held = active >= levels[i];
			boolean violated = high[i]
					? (held ? v > edges[i] - deadband : v >= edges[i])
					: (held ? v < edges[i] + deadband : v <= edges[i]);
			if (violated && levels[i] > target) {
				target = levels[i];
			}
		}
		return target;
	}

	@Override
	public Evaluation<ThresholdState> evaluate(Reading reading, ThresholdState state, Instant now) {
		if (!reading.valid()) {
			return Evaluation.quiet(state);
		}
		long t = reading.ts().toEpochMilli();
		if (t < state.last()) {
			return Evaluation.quiet(state);
		}
		int active = state.active();
		int target = target(reading.value(), active);
		if (target == active) {
			return state.pending() == 0 ? Evaluation.quiet(state)
					: Evaluation.quiet(new ThresholdState(state.active(), (byte) 0, 0, 0, t));
		}
		byte direction = target > active ? (byte) 1 : (byte) -1;
		boolean continuing = state.pending() == direction;
		int count = continuing ? state.count() + 1 : 1;
		long since = continuing ? state.since() : t;
		Delay delay = direction > 0 ? onDelay : offDelay;
		if (!delay.satisfiedBy(t - since, count)) {
			return Evaluation.quiet(new ThresholdState(state.active(), direction, count, since, t));
		}
		ThresholdState next = new ThresholdState((byte) target, (byte) 0, 0, 0, t);
		return Evaluation.of(outcome(reading, active, target, count, t - since), next);
	}

	private Outcome outcome(Reading reading, int from, int to, int count, long heldMillis) {
		Kind kind = from < 0 ? Kind.RAISED : to < 0 ? Kind.RECOVERED : Kind.UPDATED;
		Level level = Level.ofOrdinal(to < 0 ? from : to);
		int decisive = decisiveLimit(reading.value(), to < 0 ? from : to);
		Limit limit = condition.limits().get(decisive);
		String v = Outcome.format(reading.value());
		String edge = Outcome.format(limit.value());
		String held = heldMillis / 1000 + " s / " + count;
		String zh;
		String en;
		if (kind == Kind.RECOVERED) {
			zh = "监测值 " + v + " 已回到" + limit.bound().zh() + "限值 " + edge + " 的回差（" + Outcome.format(deadband) + "）以内，持续 " + held + " 次读数，预警解除";
			en = "value " + v + " is back within limit " + edge + " less deadband " + Outcome.format(deadband) + " for " + held + " readings; recovered";
		} else {
			String change = kind == Kind.RAISED ? "" : (to > from ? "，升级为" : "，降级为") + level.zh();
			zh = "监测值 " + v + " " + limit.bound().zh() + level.zh() + "限值 " + edge + "，持续 " + held + " 次读数" + change;
			en = "value " + v + " " + limit.bound().en() + " " + level.en() + " limit " + edge + " for " + held + " readings"
					+ (kind == Kind.RAISED ? "" : (to > from ? "; raised to " : "; lowered to ") + level.en());
		}
		return new Outcome(kind, Category.PROCESS, reading.key(), condition.id(), level, reading.ts(), reading.value(),
				limit.value(), zh, en, List.of(reading), Map.of("bound", limit.bound().name(), "limit", limit.value(),
						"deadband", deadband, "onDelay", onDelay.toString(), "offDelay", offDelay.toString(),
						"readingsHeld", count, "heldMillis", heldMillis));
	}

	/** Index of the limit that explains {@code level}: the one at that level the value is nearest to crossing. */
	private int decisiveLimit(double v, int level) {
		int best = 0;
		double bestDistance = Double.POSITIVE_INFINITY;
		for (int i = 0; i < edges.length; i++) {
			if (levels[i] != level) {
				continue;
			}
			double distance = high[i] ? edges[i] - v : v - edges[i];
			if (distance < bestDistance) {
				best = i;
				bestDistance = distance;
			}
		}
		return best;
	}
}
