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
 * {@code level}; {@code offReadings} consecutive in-control frames recover. See {@link LimitPolicy}.
 *
 * @param assetKey the unit outcomes are about
 */
public record PcaAnomaly(String id, String assetKey, PcaModel model, double confidence, boolean useT2,
		boolean useQ, int onReadings, int offReadings, Level level, LimitPolicy limits) implements Condition {

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
