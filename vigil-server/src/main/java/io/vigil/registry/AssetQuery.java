package io.vigil.registry;

/**
 * Filters for listing assets; null means any. {@code bbox} is "minLon,minLat,maxLon,maxLat" and
 * matches assets whose bounding box overlaps it.
 * Without page and size, everything matching is returned (for export).
 */
public record AssetQuery(String enterprise, String type, String domain, String bbox, Integer page, Integer size) {

	public static AssetQuery ofEnterprise(String enterprise) {
		return new AssetQuery(enterprise, null, null, null, null, null);
	}
}
