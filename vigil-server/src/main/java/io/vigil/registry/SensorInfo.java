package io.vigil.registry;

/**
 * What the ingest and detection paths need to know about a sensor, cheaply. Range bounds are null
 * when the sensor type gives none.
 *
 * @param domain the domain pack code the sensor belongs to (see {@link DomainPacks#domainOf}); null if unknown
 */
public record SensorInfo(long id, String code, long enterpriseId, String enterpriseCode, Long assetId, String type,
		String unit, int intervalSeconds, Double rangeMin, Double rangeMax, String gateway, String domain) {

	public boolean inRange(double value) {
		return (rangeMin == null || value >= rangeMin) && (rangeMax == null || value <= rangeMax);
	}
}
