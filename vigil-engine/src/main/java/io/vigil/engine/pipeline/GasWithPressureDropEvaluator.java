package io.vigil.engine.pipeline;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.GasWithPressureDrop;
import io.vigil.engine.rule.Samples;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link GasWithPressureDrop}. The pressure drop is the highest pressure inside the
 * window minus the latest one, so a drop that has already happened still counts while the gas builds up.
 */
public final class GasWithPressureDropEvaluator implements Evaluator<GasWithPressureDropEvaluator.State> {

	/** Latest gas reading, the pressure window and whether raised. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		Reading gas;
		Reading pressure;
		final Samples pressures = new Samples();
		boolean raised;

		public boolean raised() {
			return raised;
		}
	}

	private final GasWithPressureDrop condition;

	public GasWithPressureDropEvaluator(GasWithPressureDrop condition) {
		this.condition = condition;
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return new State();
	}

	@Override
	public String subjectOf(Reading reading) {
		return condition.assetKey();
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		if (!r.valid()) {
			return Evaluation.quiet(s);
		}
		long t = r.ts().toEpochMilli();
		if (r.key().equals(condition.gasSensor())) {
			if (s.gas != null && r.ts().isBefore(s.gas.ts())) {
				return Evaluation.quiet(s);
			}
			s.gas = r;
		} else if (r.key().equals(condition.pressureSensor())) {
			if (t <= s.pressures.newestTime()) {
				return Evaluation.quiet(s);
			}
			s.pressures.add(t, r.value());
			s.pressure = r;
		} else {
			return Evaluation.quiet(s);
		}
		s.pressures.dropBefore(t - condition.window().toMillis());
		double drop = drop(s);
		boolean gas = s.gas != null && s.gas.value() >= condition.gasThreshold();
		boolean both = gas && drop >= condition.minPressureDrop();
		if (both == s.raised) {
			return Evaluation.quiet(s);
		}
		s.raised = both;
		String gasText = s.gas == null ? "—" : Outcome.format(s.gas.value());
		String zh = both
				? "相邻空间检测到可燃/有毒气体 " + gasText + "（限值 " + Outcome.format(condition.gasThreshold()) + "），同时管道压力 " + condition.window().toMinutes() + " 分钟内下降 " + Outcome.format(drop) + "，疑似管道泄漏进入该空间"
				: "气体浓度 " + gasText + " 或压降 " + Outcome.format(drop) + " 已不满足联动条件";
		String en = both
				? "gas " + gasText + " (limit " + Outcome.format(condition.gasThreshold()) + ") in the adjacent space while line pressure fell " + Outcome.format(drop) + " within " + condition.window().toMinutes() + " min: leak into the space suspected"
				: "gas " + gasText + " or pressure drop " + Outcome.format(drop) + " no longer meets the coupled condition";
		List<Reading> evidence = new ArrayList<>(2);
		if (s.gas != null) {
			evidence.add(s.gas);
		}
		if (s.pressure != null) {
			evidence.add(s.pressure);
		}
		return Evaluation.of(new Outcome(both ? Kind.RAISED : Kind.RECOVERED, Category.PROCESS, condition.assetKey(), condition.id(),
				condition.level(), r.ts(), s.gas == null ? Double.NaN : s.gas.value(), condition.gasThreshold(), zh, en, evidence,
				Map.of("pressureDrop", drop, "minPressureDrop", condition.minPressureDrop(), "window", condition.window().toString())), s);
	}

	private static double drop(State s) {
		if (s.pressures.size() == 0) {
			return 0;
		}
		double max = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < s.pressures.size(); i++) {
			max = Math.max(max, s.pressures.value(i));
		}
		return max - s.pressures.value(s.pressures.size() - 1);
	}
}
