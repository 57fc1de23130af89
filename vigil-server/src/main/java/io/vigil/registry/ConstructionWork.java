package io.vigil.registry;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Third-party construction works near pipelines (R9.5): an area (GeoJSON Polygon), a time window
 * [startsAt, endsAt), a contractor and its permit. {@code organisation} is the code of the region or
 * enterprise it lies in.
 */
public record ConstructionWork(long id, String code, String name, String organisation, JsonNode geometry,
		List<Double> bbox, Instant startsAt, Instant endsAt, String contractor, String permit, Instant createdAt,
		Instant updatedAt) {

	public boolean activeAt(Instant instant) {
		return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
	}
}
