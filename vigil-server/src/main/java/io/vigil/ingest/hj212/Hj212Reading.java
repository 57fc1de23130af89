package io.vigil.ingest.hj212;

import java.time.Instant;

/**
 * A value of an HJ 212 upload attributed to a Vigil sensor.
 *
 * @param sensorCode the sensor, from the {@link Hj212Mapping}
 * @param timestamp the upload's {@code DataTime}
 * @param value the value as sent
 * @param flag the HJ 212 flag letter as sent ({@code N} and {@code S} mean valid), or {@code null} when absent
 */
public record Hj212Reading(String sensorCode, Instant timestamp, double value, String flag) {
}
