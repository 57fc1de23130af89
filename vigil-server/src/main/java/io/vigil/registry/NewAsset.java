package io.vigil.registry;

import tools.jackson.databind.JsonNode;

/**
 * What creating (or replacing) an asset takes. {@code enterprise} and {@code parent} are codes;
 * {@code geometry} is a GeoJSON geometry object; {@code attributes} the type's attributes.
 */
public record NewAsset(String code, String name, String type, String enterprise, String parent, JsonNode geometry,
		JsonNode attributes) {
}
