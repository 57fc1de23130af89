package io.vigil.registry;

/**
 * What the ingest and detection paths need to know about a sensor, cheaply. Range bounds are null
 * when the sensor type gives none.
 */
public record SensorInfo(long id, String code, long enterpriseId, String enterpriseCode, Long assetId, String type,
		String unit, int intervalSeconds, Double rangeMin, Double rangeMax, String gateway) {

	public boolean inRange(double value) {
		return (rangeMin == null || value >= rangeMin) && (rangeMax == null || value <= rangeMax);
	}
}
