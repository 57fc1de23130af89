package io.vigil.registry;

import java.util.List;

/**
 * A kind of sensor declared by a domain pack: what it measures, in which unit, how often, and the
 * default thresholds an enterprise may tighten but never loosen.
 *
 * @param unit the default unit (the unit the default thresholds are in)
 * @param otherUnits further units a sensor of this type may report in; default thresholds do not apply to them
 * @param intervalSeconds the default reporting interval
 * @param range the physical range of the measurand
 * @param thresholds default set points; see {@link Thresholds} for which direction is tighter
 * @param basis the standard or reasoning behind the defaults, for people reading the pack
 */
public record SensorType(String code, String domain, LocalizedName name, String unit, List<String> otherUnits,
		int intervalSeconds, ValueRange range, Thresholds thresholds, String basis) {

	public SensorType {
		otherUnits = otherUnits == null ? List.of() : List.copyOf(otherUnits);
		range = range == null ? ValueRange.OPEN : range;
		thresholds = thresholds == null ? Thresholds.NONE : thresholds;
	}

	public boolean allowsUnit(String candidate) {
		return unit.equals(candidate) || otherUnits.contains(candidate);
	}
}
