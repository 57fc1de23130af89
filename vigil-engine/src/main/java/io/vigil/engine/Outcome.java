package io.vigil.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule concluded. There is at most one active condition per ({@link #key}, {@link #ruleId});
 * the kinds form its life: {@code RAISED} once, then any number of {@code UPDATED} (the level changed
 * or the condition persists with new evidence), then {@code RECOVERED} (or {@code INHIBITED} when a
 * parent's outcome now stands for it, e.g. an enterprise offline warning replacing its sensors').
 *
 * @param kind       raised / updated / recovered / inhibited
 * @param category   process, data quality, data interruption or early warning; data-quality and
 *                   interruption outcomes are never process warnings
 * @param key        the object the outcome is about (a sensor, an asset, an enterprise)
 * @param ruleId     the configured rule's id
 * @param level      current level; on {@code RECOVERED} the level that was active last
 * @param at         time of the reading or tick that decided it
 * @param value      the measured (or derived: rate, imbalance, T², …) value that decided it
 * @param threshold  the limit it was compared with ({@code NaN} when not applicable)
 * @param reasonZh   human-readable reason in Chinese
 * @param reasonEn   the same in English
 * @param readings   readings that explain the decision (may be empty, never null)
 * @param parameters the rule parameters and derived quantities used (never null)
 */
public record Outcome(Kind kind, Category category, String key, String ruleId, Level level, Instant at,
		double value, double threshold, String reasonZh, String reasonEn, List<Reading> readings,
		Map<String, Object> parameters) {

	/** Life-cycle step of the condition. */
	public enum Kind { RAISED, UPDATED, RECOVERED, INHIBITED }

	/** What the outcome is about. */
	public enum Category { PROCESS, DATA_QUALITY, DATA_INTERRUPTION, EARLY_WARNING }

	public Outcome {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(at, "at");
		readings = List.copyOf(readings);
		parameters = Map.copyOf(parameters);
	}

	/** Formats a number for reasons: up to 3 significant decimals, no exponent for everyday values. */
	public static String format(double v) {
		if (Double.isNaN(v)) {
			return "—";
		}
		if (v == Math.rint(v) && Math.abs(v) < 1e12) {
			return Long.toString((long) v);
		}
		return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
	}

	@Override
	public String toString() {
		return kind + " " + level.en() + " " + category + " " + key + "/" + ruleId + " at " + at + ": " + reasonEn;
	}
}
