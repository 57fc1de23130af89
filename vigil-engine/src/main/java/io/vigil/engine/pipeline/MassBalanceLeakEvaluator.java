package io.vigil.engine.pipeline;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.MassBalanceLeak;
import io.vigil.engine.rule.Samples;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link MassBalanceLeak}. All four sensors' readings are routed to one state kept under
 * the segment's key. The pressure fall at each end is the least-squares slope over the window times
 * the window's span, so single noisy readings do not decide it.
 */
public final class MassBalanceLeakEvaluator implements Evaluator<MassBalanceLeakEvaluator.State> {

	private static final int P_IN = 0, P_OUT = 1, Q_IN = 2, Q_OUT = 3;

	/** Windows per signal, the imbalance window, latest readings and the raised level. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final Samples[] signals = {new Samples(), new Samples(), new Samples(), new Samples()};
		final Samples imbalance = new Samples();
		final Reading[] latest = new Reading[4];
		long suspectedSince = Long.MIN_VALUE;
		int level = -1;

		/** Raised level, or null. */
		public Level level() {
			return Level.ofOrdinal(level);
		}
	}

	private final MassBalanceLeak condition;
	private final String[] keys;
	private final long windowMillis;

	public MassBalanceLeakEvaluator(MassBalanceLeak condition) {
		this.condition = condition;
		this.keys = new String[] {condition.inletPressure(), condition.outletPressure(), condition.inletFlow(), condition.outletFlow()};
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
	public String subjectOf(Reading reading) {
		return condition.segmentKey();
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		int i = indexOf(r.key());
		long t = r.ts().toEpochMilli();
		if (i < 0 || !r.valid() || t <= s.signals[i].newestTime()) {
			return Evaluation.quiet(s);
		}
		s.signals[i].add(t, r.value());
		s.latest[i] = r;
		for (Samples signal : s.signals) {
			signal.dropBefore(t - windowMillis);
		}
		if ((i == Q_IN || i == Q_OUT) && s.latest[Q_IN] != null && s.latest[Q_OUT] != null && t > s.imbalance.newestTime()) {
			s.imbalance.add(t, s.latest[Q_IN].value() - s.latest[Q_OUT].value());
		}
		s.imbalance.dropBefore(t - windowMillis);
		double dropIn = drop(s.signals[P_IN]);
		double dropOut = drop(s.signals[P_OUT]);
		double meanImbalance = s.imbalance.size() >= 3 ? s.imbalance.mean() : Double.NaN;
		boolean suspected = dropIn >= condition.minPressureDrop() && dropOut >= condition.minPressureDrop()
				&& meanImbalance > condition.expectedImbalance();
		if (!suspected) {
			s.suspectedSince = Long.MIN_VALUE;
			if (s.level < 0) {
				return Evaluation.quiet(s);
			}
			Level was = s.level();
			s.level = -1;
			return Evaluation.of(outcome(Kind.RECOVERED, was, r, s, dropIn, dropOut, meanImbalance, 0), s);
		}
		if (s.suspectedSince == Long.MIN_VALUE) {
			s.suspectedSince = t;
		}
		double ratio = meanImbalance / condition.expectedImbalance();
		Level level = ratio >= 4 ? Level.RED : ratio >= 2 ? Level.ORANGE : Level.YELLOW;
		long persisted = t - s.suspectedSince;
		if (persisted >= condition.persistence().toMillis()) {
			level = level.raised();
		}
		if (level.ordinal() == s.level) {
			return Evaluation.quiet(s);
		}
		Kind kind = s.level < 0 ? Kind.RAISED : Kind.UPDATED;
		s.level = level.ordinal();
		return Evaluation.of(outcome(kind, level, r, s, dropIn, dropOut, meanImbalance, persisted), s);
	}

	/** Pressure fall over the window by least squares (positive = falling); NaN until the window is half full. */
	private double drop(Samples p) {
		if (p.size() < 3 || (p.newestTime() - p.time(0)) * 2 < windowMillis) {
			return Double.NaN;
		}
		double minutes = (p.newestTime() - p.time(0)) / 60_000.0;
		return -p.line()[0] * minutes;
	}

	private int indexOf(String key) {
		for (int i = 0; i < keys.length; i++) {
			if (keys[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	private Outcome outcome(Kind kind, Level level, Reading r, State s, double dropIn, double dropOut, double imbalance,
			long persisted) {
		String segment = condition.segmentKey();
		String zh;
		String en;
		if (kind == Kind.RECOVERED) {
			zh = "管段 " + segment + " 泄漏疑似条件消失（两端压降 " + Outcome.format(dropIn) + " / " + Outcome.format(dropOut) + "，平均流量差 " + Outcome.format(imbalance) + "）";
			en = "segment " + segment + ": leak indication gone (pressure drops " + Outcome.format(dropIn) + " / " + Outcome.format(dropOut) + ", mean imbalance " + Outcome.format(imbalance) + ")";
		} else {
			zh = "管段 " + segment + " 疑似泄漏：" + condition.window().toMinutes() + " 分钟内首端压力下降 " + Outcome.format(dropIn) + "、末端下降 " + Outcome.format(dropOut)
					+ "，进出口平均流量差 " + Outcome.format(imbalance) + "，为允许不平衡量 " + Outcome.format(condition.expectedImbalance()) + " 的 " + Outcome.format(imbalance / condition.expectedImbalance()) + " 倍，已持续 " + persisted / 1000 + " 秒";
			en = "segment " + segment + ": leak suspected: over " + condition.window().toMinutes() + " min inlet pressure fell " + Outcome.format(dropIn) + " and outlet " + Outcome.format(dropOut)
					+ " while inlet minus outlet flow averaged " + Outcome.format(imbalance) + ", " + Outcome.format(imbalance / condition.expectedImbalance()) + "× the expected imbalance " + Outcome.format(condition.expectedImbalance()) + ", for " + persisted / 1000 + " s";
		}
		List<Reading> evidence = new ArrayList<>(4);
		for (Reading reading : s.latest) {
			if (reading != null) {
				evidence.add(reading);
			}
		}
		return new Outcome(kind, Category.PROCESS, segment, condition.id(), level, r.ts(), imbalance, condition.expectedImbalance(), zh, en,
				evidence, Map.of("inletPressureDrop", dropIn, "outletPressureDrop", dropOut, "meanImbalance", imbalance,
						"persistedSeconds", persisted / 1000, "window", condition.window().toString()));
	}
}
