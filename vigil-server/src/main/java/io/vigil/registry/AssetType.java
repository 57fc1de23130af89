package io.vigil.registry;

import java.util.List;
import java.util.Optional;

/**
 * A kind of monitored object declared by a domain pack.
 *
 * @param domain the code of the pack that declares it
 * @param geometry the GeoJSON geometry kind its assets carry: {@code Point}, {@code LineString} or
 *     {@code Polygon} (the matching Multi* kind is accepted too)
 */
public record AssetType(String code, String domain, LocalizedName name, String geometry,
		List<AttributeSpec> attributes) {

	public static final List<String> GEOMETRY_KINDS = List.of("Point", "LineString", "Polygon");

	public AssetType {
		attributes = attributes == null ? List.of() : List.copyOf(attributes);
	}

	public Optional<AttributeSpec> attribute(String code) {
		return attributes.stream().filter(a -> a.code().equals(code)).findFirst();
	}
}
