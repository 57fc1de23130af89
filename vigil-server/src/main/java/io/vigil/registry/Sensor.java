package io.vigil.registry;

import java.time.Instant;

/**
 * A sensor as the registry returns it (wire contract: {@code code}, {@code enterprise}, {@code asset},
 * {@code type}, {@code unit} are always present; enterprise and asset are codes).
 *
 * @param thresholds the effective set points: the type's defaults, tightened where the enterprise chose
 */
public record Sensor(long id, String code, String name, String type, String enterprise, String asset, String unit,
		Double lon, Double lat, int intervalSeconds, ValueRange range, Thresholds thresholds, String gateway,
		Instant createdAt, Instant updatedAt) {
}
