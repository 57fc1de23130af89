package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.util.Objects;

/**
 * Robust univariate streaming anomaly detector. Each valid value is compared with the median of the
 * last {@code window} values (or, when {@code season > 0}, with the values one and more seasons ago
 * at the same phase: the series is deseasonalised by subtracting the value one season back) and
 * scaled by 1.4826 × MAD; a robust z-score beyond {@code zLimit} for {@code onReadings} consecutive
 * readings raises {@code level}, back inside for as many readings recovers.
 *
 * @param window number of past values (or deseasonalised residuals) used as the reference, >= 8
 * @param season season length in readings (e.g. 288 for daily with 5-minute data), 0 when not seasonal
 * @param beyondEnvelope when true, a reading is anomalous only if, besides the z-score, its deviation
 *                       from the median is larger than every deviation in the reference window: spikes
 *                       that are part of normal behaviour (seen in the window) do not alarm again
 */
public record RobustAnomaly(String id, int window, int season, double zLimit, int onReadings, Level level,
		boolean beyondEnvelope) implements Condition {

	/** Plain robust z-score detector (no envelope condition). */
	public RobustAnomaly(String id, int window, int season, double zLimit, int onReadings, Level level) {
		this(id, window, season, zLimit, onReadings, level, false);
	}

	public RobustAnomaly {
		Condition.requireId(id);
		Objects.requireNonNull(level, "level");
		if (window < 8 || season < 0 || onReadings < 1) {
			throw new IllegalArgumentException("need window >= 8, season >= 0 and onReadings >= 1");
		}
		Condition.requirePositive("zLimit", zLimit);
	}
}
