package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.RateOfChange;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link RateOfChange}: the slope from the oldest sample inside the window to the newest.
 * No rate is judged until the window spans at least half its length, so a gap does not turn into
 * a steep slope over a few seconds.
 */
public final class RateOfChangeEvaluator implements Evaluator<RateOfChangeEvaluator.State> {

	/** Window samples, consecutive readings on the current side, and whether raised. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final Samples samples = new Samples();
		int run;
		boolean raised;

		public boolean raised() {
			return raised;
		}
	}

	private final RateOfChange condition;
	private final long windowMillis;

	public RateOfChangeEvaluator(RateOfChange condition) {
		this.condition = condition;
		this.windowMillis = condition.window().toMillis();
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
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		long t = r.ts().toEpochMilli();
		if (!r.valid() || t <= s.samples.newestTime()) {
			return Evaluation.quiet(s);
		}
		s.samples.add(t, r.value());
		s.samples.dropBefore(t - windowMillis);
		long span = t - s.samples.time(0);
		if (span * 2 < windowMillis) {
			return Evaluation.quiet(s);
		}
		double rate = (r.value() - s.samples.value(0)) / (span / 60_000.0);
		boolean tooFast = rate > condition.maxRisePerMinute() || -rate > condition.maxFallPerMinute();
		if (tooFast == s.raised) {
			s.run = 0;
			return Evaluation.quiet(s);
		}
		s.run++;
		if (s.run < condition.onReadings()) {
			return Evaluation.quiet(s);
		}
		s.run = 0;
		s.raised = tooFast;
		boolean rising = rate > 0;
		double limit = rising ? condition.maxRisePerMinute() : condition.maxFallPerMinute();
		String rateText = Outcome.format(Math.abs(rate));
		String zh = tooFast
				? (rising ? "上升" : "下降") + "速率 " + rateText + "/分钟，超过限值 " + Outcome.format(limit) + "/分钟（" + span / 1000 + " 秒内由 " + Outcome.format(s.samples.value(0)) + " 变为 " + Outcome.format(r.value()) + "）"
				: "变化速率 " + rateText + "/分钟，恢复正常";
		String en = tooFast
				? (rising ? "rising" : "falling") + " at " + rateText + "/min, faster than " + Outcome.format(limit) + "/min (" + Outcome.format(s.samples.value(0)) + " to " + Outcome.format(r.value()) + " in " + span / 1000 + " s)"
				: "rate " + rateText + "/min is normal again";
		Reading first = new Reading(r.key(), Instant.ofEpochMilli(s.samples.time(0)), s.samples.value(0), r.quality());
		return Evaluation.of(new Outcome(tooFast ? Kind.RAISED : Kind.RECOVERED, Category.PROCESS, r.key(), condition.id(),
				condition.level(), r.ts(), rate, tooFast ? (rising ? limit : -limit) : Double.NaN, zh, en, List.of(first, r),
				Map.of("ratePerMinute", rate, "window", condition.window().toString(), "spanSeconds", span / 1000)), s);
	}
}
