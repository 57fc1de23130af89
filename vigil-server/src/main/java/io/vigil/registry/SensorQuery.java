package io.vigil.registry;

/** Filters for listing sensors; null means any. Without page and size, everything matching is returned. */
public record SensorQuery(String enterprise, String asset, String type, Integer page, Integer size) {

	public static SensorQuery ofEnterprise(String enterprise) {
		return new SensorQuery(enterprise, null, null, null, null);
	}
}
