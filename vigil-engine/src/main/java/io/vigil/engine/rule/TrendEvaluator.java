package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.Trend;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Evaluates a {@link Trend}: time to threshold by least squares over the window. */
public final class TrendEvaluator implements Evaluator<TrendEvaluator.State> {

	/** Window samples and whether the early warning is raised. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final Samples samples = new Samples();
		boolean raised;

		public boolean raised() {
			return raised;
		}
	}

	private final Trend condition;
	private final long windowMillis;
	private final double horizonMinutes;

	public TrendEvaluator(Trend condition) {
		this.condition = condition;
		this.windowMillis = condition.window().toMillis();
		this.horizonMinutes = condition.horizon().toMillis() / 60_000.0;
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return new State();
	}

	/** Minutes until the fitted line reaches the threshold; +∞ when it never does, 0 when already beyond. */
	double minutesToThreshold(double slope, double fitted) {
		double gap = condition.threshold() - fitted;
		boolean high = condition.bound() == Bound.HIGH;
		if (high ? gap <= 0 : gap >= 0) {
			return 0;
		}
		if (Double.isNaN(slope) || (high ? slope <= 0 : slope >= 0)) {
			return Double.POSITIVE_INFINITY;
		}
		return gap / slope;
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		long t = r.ts().toEpochMilli();
		if (!r.valid() || t <= s.samples.newestTime()) {
			return Evaluation.quiet(s);
		}
		s.samples.add(t, r.value());
		s.samples.dropBefore(t - windowMillis);
		if (s.samples.size() < condition.minReadings()) {
			return Evaluation.quiet(s);
		}
		double[] line = s.samples.line();
		double eta = minutesToThreshold(line[0], line[1]);
		boolean beyond = eta == 0;
		boolean soon = !beyond && eta <= horizonMinutes;
		boolean clear = beyond || eta > 2 * horizonMinutes;
		if (!s.raised && soon) {
			s.raised = true;
			return Evaluation.of(outcome(Kind.RAISED, r, line, eta, s.samples.size()), s);
		}
		if (s.raised && clear) {
			s.raised = false;
			return Evaluation.of(outcome(Kind.RECOVERED, r, line, eta, s.samples.size()), s);
		}
		return Evaluation.quiet(s);
	}

	private Outcome outcome(Kind kind, Reading r, double[] line, double eta, int n) {
		String slope = Outcome.format(line[0]);
		String th = Outcome.format(condition.threshold());
		String zh = kind == Kind.RAISED
				? "趋势预警：近 " + n + " 个读数线性拟合斜率 " + slope + "/分钟，预计约 " + Math.round(eta) + " 分钟后达到限值 " + th
				: eta == 0 ? "数值已越过限值 " + th + "，由阈值规则处理，趋势预警解除" : "趋势缓和，预计达到限值的时间超过 " + Math.round(2 * horizonMinutes) + " 分钟，趋势预警解除";
		String en = kind == Kind.RAISED
				? "trend: slope " + slope + "/min over the last " + n + " readings; expected to reach " + th + " in about " + Math.round(eta) + " min"
				: eta == 0 ? "value is beyond " + th + " (the threshold rule's business); trend warning cleared" : "trend eased; threshold not expected within " + Math.round(2 * horizonMinutes) + " min";
		return new Outcome(kind, Category.EARLY_WARNING, r.key(), condition.id(), condition.level(), r.ts(),
				Double.isInfinite(eta) ? Double.NaN : eta, condition.threshold(), zh, en, List.of(r),
				Map.of("slopePerMinute", line[0], "fittedValue", line[1], "readings", n, "horizon", condition.horizon().toString()));
	}
}
