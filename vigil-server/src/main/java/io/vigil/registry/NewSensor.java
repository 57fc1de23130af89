package io.vigil.registry;

/**
 * What creating (or replacing) a sensor takes. Only code, name and type are required: the enterprise
 * follows from the asset, and unit, interval, range and thresholds default to the sensor type's; the
 * location defaults to a point on the asset.
 */
public record NewSensor(String code, String name, String type, String enterprise, String asset, String unit,
		Double lon, Double lat, Integer intervalSeconds, ValueRange range, Thresholds thresholds, String gateway) {
}
