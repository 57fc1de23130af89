package io.vigil.engine.stats;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.RobustAnomaly;
import io.vigil.engine.rule.Samples;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link RobustAnomaly}. The reference (median and MAD) is computed from values
 * before the current one, so an anomaly does not hide itself. The MAD has a floor of 1e-9 relative
 * to the median's magnitude so that a perfectly flat series still scores a change as anomalous.
 */
public final class RobustAnomalyEvaluator implements Evaluator<RobustAnomalyEvaluator.State> {

	/** Recent raw values (for the seasonal difference), recent residuals, run counter, raised flag. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final Samples raw = new Samples();
		final Samples residuals = new Samples();
		int run;
		boolean raised;

		public boolean raised() {
			return raised;
		}
	}

	private final RobustAnomaly condition;

	public RobustAnomalyEvaluator(RobustAnomaly condition) {
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

	/** Largest absolute deviation from the median inside the reference window. */
	static double envelope(Samples reference) {
		int n = reference.size();
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = reference.value(i);
		}
		Arrays.sort(values);
		double median = median(values);
		return Math.max(Math.abs(values[0] - median), Math.abs(values[n - 1] - median));
	}

	/** Deviation of {@code x} from the window's median. */
	static double deviation(Samples reference, double x) {
		int n = reference.size();
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = reference.value(i);
		}
		Arrays.sort(values);
		return Math.abs(x - median(values));
	}

	/** Robust z of {@code x} against the residual window, or NaN while the window fills. */
	static double robustZ(Samples reference, double x, int needed) {
		int n = reference.size();
		if (n < needed) {
			return Double.NaN;
		}
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = reference.value(i);
		}
		Arrays.sort(values);
		double median = median(values);
		for (int i = 0; i < n; i++) {
			values[i] = Math.abs(values[i] - median);
		}
		Arrays.sort(values);
		double mad = Math.max(1.4826 * median(values), 1e-9 * (Math.abs(median) + 1));
		return (x - median) / mad;
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		long t = r.ts().toEpochMilli();
		if (!r.valid() || t <= s.raw.newestTime()) {
			return Evaluation.quiet(s);
		}
		int season = condition.season();
		double residual;
		if (season > 0) {
			s.raw.add(t, r.value());
			if (s.raw.size() <= season) {
				return Evaluation.quiet(s);
			}
			residual = r.value() - s.raw.value(s.raw.size() - 1 - season);
			s.raw.keepLast(season + 1);
		} else {
			s.raw.add(t, r.value());
			s.raw.keepLast(1);
			residual = r.value();
		}
		double z = robustZ(s.residuals, residual, condition.window());
		boolean novel = !condition.beyondEnvelope() || Double.isNaN(z) || deviation(s.residuals, residual) > envelope(s.residuals);
		s.residuals.add(t, residual);
		s.residuals.keepLast(condition.window());
		if (Double.isNaN(z)) {
			return Evaluation.quiet(s);
		}
		boolean out = Math.abs(z) > condition.zLimit() && novel;
		if (out == s.raised) {
			s.run = 0;
			return Evaluation.quiet(s);
		}
		if (++s.run < condition.onReadings()) {
			return Evaluation.quiet(s);
		}
		s.run = 0;
		s.raised = out;
		String zText = Outcome.format(z);
		String basis = season > 0 ? "与一个周期（" + season + " 个读数）前同相位值之差" : "数值";
		String basisEn = season > 0 ? "difference from the value one season (" + season + " readings) earlier" : "value";
		return Evaluation.of(new Outcome(out ? Kind.RAISED : Kind.RECOVERED, Category.PROCESS, r.key(), condition.id(), condition.level(),
				r.ts(), z, Math.signum(z) * condition.zLimit(),
				out ? "波动特征异常：" + basis + "的稳健 z 分数 " + zText + "，超过 ±" + Outcome.format(condition.zLimit()) + "（近 " + condition.window() + " 个读数的中位数/MAD）"
						: "波动恢复正常：稳健 z 分数 " + zText,
				out ? "fluctuation anomaly: robust z-score of the " + basisEn + " is " + zText + ", beyond ±" + Outcome.format(condition.zLimit()) + " (median/MAD of the last " + condition.window() + " readings)"
						: "fluctuation normal again: robust z-score " + zText,
				List.of(r), Map.of("z", z, "residual", residual, "window", condition.window(), "season", season)), s);
	}
}
