package io.vigil.engine.stats;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Evaluator;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.PcaAnomaly;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link PcaAnomaly}. Readings of the model's variables are collected into frames by
 * timestamp; a frame is scored when complete. A reading for a newer timestamp starts a new frame
 * (an incomplete older frame is dropped, not scored); a reading older than the current frame is late
 * and ignored.
 */
public final class PcaAnomalyEvaluator implements Evaluator<PcaAnomalyEvaluator.State> {

	/** Frame under construction, run counter and raised flag. Mutable. */
	public static final class State implements Serializable {
		private static final long serialVersionUID = 1L;
		final double[] frame;
		final boolean[] present;
		int filled;
		long frameTime = Long.MIN_VALUE;
		int run;
		boolean raised;

		State(int variables) {
			frame = new double[variables];
			present = new boolean[variables];
		}

		public boolean raised() {
			return raised;
		}
	}

	private final PcaAnomaly condition;
	private final PcaModel model;
	private final Map<String, Integer> index = new HashMap<>();
	private final double t2Limit;
	private final double qLimit;

	public PcaAnomalyEvaluator(PcaAnomaly condition) {
		this.condition = condition;
		this.model = condition.model();
		for (int i = 0; i < model.variables().size(); i++) {
			index.put(model.variables().get(i), i);
		}
		boolean floor = condition.limits() == PcaAnomaly.LimitPolicy.AT_LEAST_TRAINING_MAX;
		this.t2Limit = Math.max(model.t2Limit(condition.confidence()), floor ? model.trainingMax()[0] : 0);
		this.qLimit = Math.max(model.qLimit(condition.confidence()), floor ? model.trainingMax()[1] : 0);
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		return new State(model.variables().size());
	}

	@Override
	public String subjectOf(Reading reading) {
		return condition.assetKey();
	}

	@Override
	public Evaluation<State> evaluate(Reading r, State s, Instant now) {
		Integer i = index.get(r.key());
		long t = r.ts().toEpochMilli();
		if (i == null || !r.valid() || t < s.frameTime) {
			return Evaluation.quiet(s);
		}
		if (t > s.frameTime) {
			Arrays.fill(s.present, false);
			s.filled = 0;
			s.frameTime = t;
		}
		if (!s.present[i]) {
			s.present[i] = true;
			s.filled++;
		}
		s.frame[i] = r.value();
		if (s.filled < s.frame.length) {
			return Evaluation.quiet(s);
		}
		double[] score = model.score(s.frame);
		boolean out = (condition.useT2() && score[0] > t2Limit) || (condition.useQ() && score[1] > qLimit);
		if (out == s.raised) {
			s.run = 0;
			return Evaluation.quiet(s);
		}
		s.run++;
		if (s.run < (out ? condition.onReadings() : condition.offReadings())) {
			return Evaluation.quiet(s);
		}
		s.run = 0;
		s.raised = out;
		return Evaluation.of(outcome(out, r, score, s.frame), s);
	}

	private Outcome outcome(boolean out, Reading r, double[] score, double[] frame) {
		String t2 = Outcome.format(score[0]);
		String q = Outcome.format(score[1]);
		String limits = "T² " + t2 + "（限 " + Outcome.format(t2Limit) + "），Q " + q + "（限 " + Outcome.format(qLimit) + "）";
		String limitsEn = "T² " + t2 + " (limit " + Outcome.format(t2Limit) + "), Q " + q + " (limit " + Outcome.format(qLimit) + ")";
		String zh = out ? "多变量工况异常（PCA，置信度 " + condition.confidence() + "，主元 " + model.components() + " 个）：" + limits
				: "多变量工况恢复正常：" + limits;
		String en = out ? "multivariate anomaly (PCA, confidence " + condition.confidence() + ", " + model.components() + " components): " + limitsEn
				: "multivariate behaviour normal again: " + limitsEn;
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("t2", score[0]);
		parameters.put("q", score[1]);
		parameters.put("t2Limit", t2Limit);
		parameters.put("qLimit", qLimit);
		parameters.put("components", model.components());
		List<Reading> frameReadings = new java.util.ArrayList<>(frame.length);
		for (int i = 0; i < frame.length; i++) {
			frameReadings.add(new Reading(model.variables().get(i), r.ts(), frame[i], r.quality()));
		}
		boolean qDecides = condition.useQ() && (!condition.useT2() || score[1] / qLimit > score[0] / t2Limit);
		return new Outcome(out ? Kind.RAISED : Kind.RECOVERED, Category.PROCESS, condition.assetKey(), condition.id(), condition.level(),
				r.ts(), qDecides ? score[1] : score[0], qDecides ? qLimit : t2Limit, zh, en, frameReadings, parameters);
	}
}
