package io.vigil.registry;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A monitored object as the registry returns it. {@code enterprise} and {@code parent} are codes.
 *
 * @param geometry GeoJSON geometry in WGS-84
 * @param bbox [minLon, minLat, maxLon, maxLat] of the geometry
 * @param attributes type-specific attributes, checked against the asset type's pack
 */
public record Asset(long id, String code, String name, String type, String domain, String enterprise, String parent,
		JsonNode geometry, List<Double> bbox, JsonNode attributes, Instant createdAt, Instant updatedAt) {
}
