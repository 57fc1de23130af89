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
 * and ignored. With {@link PcaAnomaly.Monitoring} the statistics are EWMA-smoothed and/or the model is
 * updated recursively from in-control frames; the state then carries the smoothed statistics and the
 * current model, so each unit adapts on its own.
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
		/** Smoothed T² and Q (unused without smoothing). */
		double smoothT2;
		double smoothQ;
		/** Recursively updated moments and the model and limits built from them (null while not adaptive). */
		double[] mean;
		double[][] covariance;
		PcaModel current;
		double[] limits;

		State(int variables) {
			frame = new double[variables];
			present = new boolean[variables];
		}

		/** The model frames are scored against now (the fitted one unless adaptive). */
		public PcaModel model() {
			return current;
		}

		public boolean raised() {
			return raised;
		}
	}

	private final PcaAnomaly condition;
	private final PcaModel model;
	private final Map<String, Integer> index = new HashMap<>();
	private final PcaAnomaly.Monitoring monitoring;
	/** {T², Q} floors from the training rows (zero under THEORETICAL); for smoothed statistics, smoothed ones. */
	private final double[] floor;
	private final double[] limits;

	public PcaAnomalyEvaluator(PcaAnomaly condition) {
		this.condition = condition;
		this.model = condition.model();
		this.monitoring = condition.monitoring();
		for (int i = 0; i < model.variables().size(); i++) {
			index.put(model.variables().get(i), i);
		}
		this.floor = new double[2];
		if (condition.limits() == PcaAnomaly.LimitPolicy.AT_LEAST_TRAINING_MAX) {
			if (monitoring.smoothed()) {
				// the smoothed statistic on the training rows, started as live monitoring starts
				double[] m = model.statisticMoments();
				double t2 = m[0], q = m[2];
				double lambda = monitoring.ewmaLambda();
				for (double[] score : model.trainingScores()) {
					t2 = lambda * score[0] + (1 - lambda) * t2;
					q = lambda * score[1] + (1 - lambda) * q;
					floor[0] = Math.max(floor[0], t2);
					floor[1] = Math.max(floor[1], q);
				}
			} else {
				floor[0] = model.trainingMax()[0];
				floor[1] = model.trainingMax()[1];
			}
		}
		this.limits = limitsOf(model);
	}

	/** {T², Q} limits of {@code m} for this rule's monitoring scheme, at least the training floors. */
	private double[] limitsOf(PcaModel m) {
		double c = condition.confidence();
		if (monitoring.smoothed()) {
			double[] mo = m.statisticMoments();
			double lambda = monitoring.ewmaLambda();
			return new double[] {Math.max(PcaModel.ewmaLimit(mo[0], mo[1], lambda, c), floor[0]),
					Math.max(PcaModel.ewmaLimit(mo[2], mo[3], lambda, c), floor[1])};
		}
		return new double[] {Math.max(m.t2Limit(c), floor[0]), Math.max(m.qLimit(c), floor[1])};
	}

	@Override
	public String ruleId() {
		return condition.id();
	}

	@Override
	public State initial() {
		State s = new State(model.variables().size());
		double[] m = model.statisticMoments();
		s.smoothT2 = m[0];
		s.smoothQ = m[2];
		s.current = model;
		s.limits = limits;
		if (monitoring.adaptive()) {
			s.mean = model.mean();
			s.covariance = model.covariance();
		}
		return s;
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
		if (s.current == null) {
			// state from before monitoring schemes existed
			s.current = model;
			s.limits = limits;
		}
		double[] score = s.current.score(s.frame);
		if (monitoring.smoothed()) {
			double lambda = monitoring.ewmaLambda();
			s.smoothT2 = lambda * score[0] + (1 - lambda) * s.smoothT2;
			s.smoothQ = lambda * score[1] + (1 - lambda) * s.smoothQ;
			score = new double[] {s.smoothT2, s.smoothQ};
		}
		double[] limit = s.limits;
		boolean out = (condition.useT2() && score[0] > limit[0]) || (condition.useQ() && score[1] > limit[1]);
		if (monitoring.adaptive() && !out && !s.raised) {
			// learn only from frames judged normal while no alarm stands, so that a fault is not absorbed
			adapt(s);
		}
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
		return Evaluation.of(outcome(out, r, score, limit, s.frame), s);
	}

	/**
	 * Exponentially weighted update of mean and covariance with the current frame (weight 1/memory):
	 * d = x − m; m ← m + w·d; C ← (1 − w)·(C + w·d·dᵀ). Then the model and limits are rebuilt.
	 */
	private void adapt(State s) {
		double w = 1.0 / monitoring.adaptiveMemory();
		int p = s.frame.length;
		double[] d = new double[p];
		for (int j = 0; j < p; j++) {
			d[j] = s.frame[j] - s.mean[j];
			s.mean[j] += w * d[j];
		}
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < p; j++) {
				s.covariance[i][j] = (1 - w) * (s.covariance[i][j] + w * d[i] * d[j]);
			}
		}
		s.current = PcaModel.fromMoments(model, s.mean, s.covariance, model.observations());
		s.limits = limitsOf(s.current);
	}

	private Outcome outcome(boolean out, Reading r, double[] score, double[] limit, double[] frame) {
		double t2Limit = limit[0];
		double qLimit = limit[1];
		String t2 = Outcome.format(score[0]);
		String q = Outcome.format(score[1]);
		String limits = "T² " + t2 + "（限 " + Outcome.format(t2Limit) + "），Q " + q + "（限 " + Outcome.format(qLimit) + "）";
		String limitsEn = "T² " + t2 + " (limit " + Outcome.format(t2Limit) + "), Q " + q + " (limit " + Outcome.format(qLimit) + ")";
		String scheme = monitoring.smoothed() || monitoring.adaptive() ? "，" + monitoring : "";
		String schemeEn = monitoring.smoothed() || monitoring.adaptive() ? ", " + monitoring : "";
		String zh = out ? "多变量工况异常（PCA，置信度 " + condition.confidence() + "，主元 " + model.components() + " 个" + scheme + "）：" + limits
				: "多变量工况恢复正常：" + limits;
		String en = out ? "multivariate anomaly (PCA, confidence " + condition.confidence() + ", " + model.components() + " components" + schemeEn + "): " + limitsEn
				: "multivariate behaviour normal again: " + limitsEn;
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("t2", score[0]);
		parameters.put("q", score[1]);
		parameters.put("t2Limit", t2Limit);
		parameters.put("qLimit", qLimit);
		parameters.put("components", model.components());
		parameters.put("ewmaLambda", monitoring.ewmaLambda());
		parameters.put("adaptiveMemory", monitoring.adaptiveMemory());
		List<Reading> frameReadings = new java.util.ArrayList<>(frame.length);
		for (int i = 0; i < frame.length; i++) {
			frameReadings.add(new Reading(model.variables().get(i), r.ts(), frame[i], r.quality()));
		}
		boolean qDecides = condition.useQ() && (!condition.useT2() || score[1] / qLimit > score[0] / t2Limit);
		return new Outcome(out ? Kind.RAISED : Kind.RECOVERED, Category.PROCESS, condition.assetKey(), condition.id(), condition.level(),
				r.ts(), qDecides ? score[1] : score[0], qDecides ? qLimit : t2Limit, zh, en, frameReadings, parameters);
	}
}
