package io.vigil.detection.internal;

/**
 * What a rule may need to know about the object it is bound to, so that one rule set for a sensor type
 * adapts to every sensor of that type (its interval, its physical range).
 *
 * @param rangeMin physical range of the sensor, null when open
 * @param lon location used to find construction works nearby, null when unknown
 */
public record Target(String key, int intervalSeconds, Double rangeMin, Double rangeMax, Double lon, Double lat) {

	/** A plausible object for validating rules without binding them. */
	public static final Target SAMPLE = new Target("sample", 60, 0.0, 100.0, null, null);
}
