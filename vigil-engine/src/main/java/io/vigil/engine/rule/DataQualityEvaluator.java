package io.vigil.engine.rule;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.DataQuality;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link DataQuality}. A spike is judged against the last value accepted as normal; after
 * three consecutive large steps the new level is accepted (a real step change, not a spike).
 */
public final class DataQualityEvaluator implements Evaluator<DataQualityEvaluator.State> {

	static final int RANGE = 1, FLATLINE = 2, SPIKE = 4, INVALID = 8;
	private static final int SPIKE_ACCEPT = 3;

	/**
	 * What the checks remember of a sensor. Updated in place with every reading (confined to the partition's
	 * thread, as the {@link Evaluator} contract allows): a new state per reading stored into the runner's
	 * long-lived slot cost the G1 collector a card to refine and a young object to copy, for every reading of
	 * every sensor.
	 */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 2L;
		/** Last value accepted as normal (spike reference), NaN before the first. */
		private double reference;
		/** Smallest and largest value of the current flat run. */
		private double runMin, runMax;
		/** Length of the current flat run, consecutive large steps, consecutive invalid readings. */
		private int run, steps, invalid;
		/** Bit set of active checks (1 range, 2 flatline, 4 spike, 8 invalid). */
		private int active;
		/** Newest reading time, epoch millis. */
		private long last;

		private State(double reference, double runMin, double runMax, int run, int steps, int invalid, int active,
				long last) {
			set(reference, runMin, runMax, run, steps, invalid, active, last);
		}

		private void set(double reference, double runMin, double runMax, int run, int steps, int invalid, int active,
				long last) {
			this.reference = reference;
			this.runMin = runMin;
			this.runMax = runMax;
			this.run = run;
			this.steps = steps;
			this.invalid = invalid;
			this.active = active;
			this.last = last;
		}

		/** Newest reading time judged, epoch millis ({@code Long.MIN_VALUE} before the first). */
		public long last() {
			return last;
		}
	}

	/** Every sensor registered but not yet heard from shares this one; it is never changed. */
	private static final State INITIAL = new State(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, Long.MIN_VALUE);

	private final DataQuality condition;

	public DataQualityEvaluator(DataQuality condition) {
		this.condition = condition;
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return INITIAL;
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		long t = r.ts().toEpochMilli();
		if (t <= s.last) {
			return Evaluation.quiet(s);
		}
		List<Outcome> out = new ArrayList<>(1);
		int active = s.active;
		if (r.quality() != io.vigil.engine.Quality.VALID) {
			int invalid = s.invalid + 1;
			if (condition.invalidReadings() > 0 && invalid >= condition.invalidReadings()) {
				active = change(out, r, active, INVALID, true, "invalid", invalid, condition.invalidReadings(),
						"连续 " + invalid + " 条数据标记为无效（HJ 212 标记 F/M/D/C/T/B）", invalid + " consecutive readings flagged invalid (HJ 212 F/M/D/C/T/B)");
			}
			return new Evaluation<>(out, next(s, s.reference, s.runMin, s.runMax, s.run, s.steps, invalid, active, t));
		}
		double v = r.value();
		active = change(out, r, active, INVALID, false, "invalid", 0, condition.invalidReadings(),
				"数据标记恢复有效", "readings are valid again");
		boolean outOfRange = !(v >= condition.physicalMin() && v <= condition.physicalMax());
		active = change(out, r, active, RANGE, outOfRange, "range", v, outOfRange ? (v < condition.physicalMin() ? condition.physicalMin() : condition.physicalMax()) : Double.NaN,
				outOfRange ? "数值 " + Outcome.format(v) + " 超出仪表量程 [" + Outcome.format(condition.physicalMin()) + ", " + Outcome.format(condition.physicalMax()) + "]，疑似传感器故障" : "数值回到仪表量程内",
				outOfRange ? "value " + Outcome.format(v) + " outside the instrument range [" + Outcome.format(condition.physicalMin()) + ", " + Outcome.format(condition.physicalMax()) + "]; sensor fault suspected" : "value back inside the instrument range");
		if (outOfRange) {
			return new Evaluation<>(out, next(s, s.reference, s.runMin, s.runMax, s.run, s.steps, 0, active, t));
		}
		double runMin = Math.min(v, Double.isNaN(s.runMin) ? v : s.runMin);
		double runMax = Math.max(v, Double.isNaN(s.runMax) ? v : s.runMax);
		int run = s.run + 1;
		if (runMax - runMin > condition.flatlineTolerance()) {
			runMin = v;
			runMax = v;
			run = 1;
		}
		if (condition.flatlineReadings() > 0) {
			boolean flat = run >= condition.flatlineReadings();
			active = change(out, r, active, FLATLINE, flat, "flatline", run, condition.flatlineReadings(),
					flat ? "数值连续 " + run + " 次保持在 " + Outcome.format(runMin) + "～" + Outcome.format(runMax) + "，疑似传感器卡死" : "数值恢复变化",
					flat ? "value stuck within " + Outcome.format(runMin) + "…" + Outcome.format(runMax) + " for " + run + " readings" : "value moves again");
		}
		double reference = s.reference;
		int steps = 0;
		if (!Double.isNaN(condition.maxStep()) && !Double.isNaN(reference)) {
			double step = Math.abs(v - reference);
			boolean spike = step > condition.maxStep() && s.steps + 1 < SPIKE_ACCEPT;
			steps = step > condition.maxStep() ? s.steps + 1 : 0;
			active = change(out, r, active, SPIKE, spike, "spike", step, condition.maxStep(),
					spike ? "数值由 " + Outcome.format(reference) + " 跳变至 " + Outcome.format(v) + "，超过最大步长 " + Outcome.format(condition.maxStep()) : "跳变消失",
					spike ? "value jumped from " + Outcome.format(reference) + " to " + Outcome.format(v) + ", more than the maximum step " + Outcome.format(condition.maxStep()) : "spike gone");
			if (!spike) {
				reference = v;
			}
		} else {
			reference = v;
		}
		return new Evaluation<>(out, next(s, reference, runMin, runMax, run, steps, 0, active, t));
	}

	/** The state with these values: the same object changed in place, or a new one in place of {@link #INITIAL}. */
	private static State next(State s, double reference, double runMin, double runMax, int run, int steps, int invalid,
			int active, long t) {
		if (s == INITIAL) {
			return new State(reference, runMin, runMax, run, steps, invalid, active, t);
		}
		s.set(reference, runMin, runMax, run, steps, invalid, active, t);
		return s;
	}

	/** Raises or recovers one check when its truth changes; returns the new bit set. */
	private int change(List<Outcome> out, Reading r, int active, int bit, boolean now, String check, double value,
			double threshold, String zh, String en) {
		boolean was = (active & bit) != 0;
		if (was == now) {
			return active;
		}
		out.add(new Outcome(now ? Kind.RAISED : Kind.RECOVERED, Category.DATA_QUALITY, r.key(), condition.id() + ":" + check,
				condition.level(), r.ts(), value, threshold, zh, en, List.of(r), Map.of("check", check)));
		return now ? active | bit : active & ~bit;
	}
}
