package io.vigil.warning;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;


/**
 * What detection tells the warning module about one condition of one object under one rule. The
 * object is the sensor when given, else the asset, else the enterprise itself (an enterprise offline).
 *
 * @param kind RAISED when the condition starts, UPDATED while it persists (repeat, level change),
 *        RECOVERED when it ends; a RAISED for a warning that is still open counts as a repeat
 * @param ruleKind one of {@link #RULE_KINDS}
 * @param domain the domain pack of the object (hazchem_pipeline, gas…), or null
 * @param value the measured or derived value that decided it ({@code NaN} when none)
 * @param threshold the limit it was compared with ({@code NaN} when none)
 * @param explanation which readings, which condition, which parameters (any JSON-serialisable map)
 * @param dataQuality true for data-quality and data-interruption conditions: these are recorded but
 *        not pushed inside an approved outage window
 */
public record ConditionReport(Kind kind, Long sensorId, Long assetId, long enterpriseId, String ruleId,
		String ruleKind, String domain, WarningLevel level, double value, double threshold, String reasonZh,
		String reasonEn, Map<String, Object> explanation, boolean dataQuality, Instant at) {

	public enum Kind {
		RAISED, UPDATED, RECOVERED
	}

	public static final Set<String> RULE_KINDS = Set.of("threshold", "rate", "interruption", "data_quality", "trend",
			"leak", "intrusion", "anomaly");

	public ConditionReport {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(ruleId, "ruleId");
		Objects.requireNonNull(level, "level");
		Objects.requireNonNull(at, "at");
		if (!RULE_KINDS.contains(ruleKind)) {
			throw new IllegalArgumentException("unknown rule kind '" + ruleKind + "'; known: " + RULE_KINDS);
		}
		explanation = explanation == null ? Map.of() : explanation;
	}

	/** The object the condition is about, as the key of "one open warning per (object, rule)". */
	public String objectKey() {
		if (sensorId != null) {
			return "sensor:" + sensorId;
		}
		return assetId != null ? "asset:" + assetId : "enterprise:" + enterpriseId;
	}
}
