package io.vigil.engine.condition;

import io.vigil.engine.Level;
import io.vigil.engine.stats.PcaModel;
import java.util.Objects;

/**
 * Multivariate anomaly on a process unit by a PCA model fitted on normal data
 * ({@link PcaModel#fit}). A frame is complete when every variable of the model has a reading with
 * the same timestamp; the frame is then scored. It is out of control when Hotelling's T² exceeds
 * its F-distribution limit or Q (SPE) exceeds its Jackson–Mudholkar limit at {@code confidence}
 * (each statistic can be disabled). {@code onReadings} consecutive out-of-control frames raise
 * {@code level}; {@code offReadings} consecutive in-control frames recover. See {@link LimitPolicy} and,
 * for smoothing the statistics or updating the model as the process moves, {@link Monitoring}.
 *
 * @param assetKey   the unit outcomes are about
 * @param monitoring how the statistics are monitored; {@link Monitoring#STATIC} is the classic scheme
 */
public record PcaAnomaly(String id, String assetKey, PcaModel model, double confidence, boolean useT2,
		boolean useQ, int onReadings, int offReadings, Level level, LimitPolicy limits, Monitoring monitoring) implements Condition {

	/**
	 * How T² and Q are monitored over time.
	 *
	 * <p>{@code ewmaLambda} in (0, 1]: the statistics are smoothed, S ← λ·stat + (1 − λ)·S, starting at their
	 * in-control mean, and compared with limits for the smoothed statistic ({@link PcaModel#ewmaLimit},
	 * floored under {@code AT_LEAST_TRAINING_MAX} at the largest smoothed value on the training rows).
	 * λ = 1 means no smoothing. Smoothing trades a delay of about 1/λ frames for fewer alarms on
	 * isolated noisy frames and more power on small persistent shifts.
	 *
	 * <p>{@code adaptiveMemory} ≥ 2: the model's mean and covariance are updated recursively with
	 * exponential forgetting (effective memory {@code adaptiveMemory} frames; Li et al. 2000, recursive
	 * PCA) using only frames judged in control while no alarm is raised, and the limits are recomputed,
	 * so that slow normal drift (warming up, wear) is followed while a fault is not learnt. 0 keeps the
	 * fitted model. The number of components stays fixed.
	 */
	public record Monitoring(double ewmaLambda, int adaptiveMemory) implements java.io.Serializable {

		/** Unsmoothed statistics against the fitted model. */
		public static final Monitoring STATIC = new Monitoring(1, 0);

		public Monitoring {
			if (!(ewmaLambda > 0 && ewmaLambda <= 1)) {
				throw new IllegalArgumentException("ewmaLambda must be in (0, 1], was " + ewmaLambda);
			}
			if (adaptiveMemory != 0 && adaptiveMemory < 2) {
				throw new IllegalArgumentException("adaptiveMemory must be 0 (off) or >= 2, was " + adaptiveMemory);
			}
		}

		public boolean smoothed() {
			return ewmaLambda < 1;
		}

		public boolean adaptive() {
			return adaptiveMemory > 0;
		}

		@Override
		public String toString() {
			if (!smoothed() && !adaptive()) {
				return "static";
			}
			return (smoothed() ? "EWMA λ " + ewmaLambda : "") + (smoothed() && adaptive() ? ", " : "")
					+ (adaptive() ? "recursive memory " + adaptiveMemory : "");
		}
	}

	/** The classic scheme ({@link Monitoring#STATIC}); kept for existing callers. */
	public PcaAnomaly(String id, String assetKey, PcaModel model, double confidence, boolean useT2,
			boolean useQ, int onReadings, int offReadings, Level level, LimitPolicy limits) {
		this(id, assetKey, model, confidence, useT2, useQ, onReadings, offReadings, level, limits, Monitoring.STATIC);
	}

	/** The same rule with another monitoring scheme. */
	public PcaAnomaly withMonitoring(Monitoring scheme) {
		return new PcaAnomaly(id, assetKey, model, confidence, useT2, useQ, onReadings, offReadings, level, limits, scheme);
	}

	/**
	 * How the control limits are set. {@code THEORETICAL}: the F / Jackson–Mudholkar limits alone, which
	 * assume independent samples. {@code AT_LEAST_TRAINING_MAX}: the larger of the theoretical limit and
	 * the largest statistic seen on the normal training rows, for autocorrelated or slowly drifting
	 * processes where the theoretical limit would alarm on the training data itself.
	 */
	public enum LimitPolicy { THEORETICAL, AT_LEAST_TRAINING_MAX }

	public PcaAnomaly {
		Condition.requireId(id);
		Objects.requireNonNull(assetKey, "assetKey");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(limits, "limits");
		Objects.requireNonNull(monitoring, "monitoring");
		if (!(confidence > 0.5 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be in (0.5, 1), was " + confidence);
		}
		if (!useT2 && !useQ) {
			throw new IllegalArgumentException("enable T² or Q");
		}
		if (onReadings < 1 || offReadings < 1) {
			throw new IllegalArgumentException("onReadings and offReadings must be >= 1");
		}
	}
}
