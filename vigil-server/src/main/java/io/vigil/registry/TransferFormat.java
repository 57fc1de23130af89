package io.vigil.registry;

import io.vigil.platform.InvalidInputException;

/** The file formats of bulk import and export. */
public enum TransferFormat {

	GEOJSON("application/geo+json;charset=UTF-8"), CSV("text/csv;charset=UTF-8");

	private final String mediaType;

	TransferFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The named format, or when none is named, GeoJSON for a body starting with '{' and CSV otherwise. */
	public static TransferFormat of(String name, String body) {
		if (name == null || name.isBlank()) {
			return body != null && body.stripLeading().startsWith("{") ? GEOJSON : CSV;
		}
		if (name.equalsIgnoreCase("geojson") || name.equalsIgnoreCase("json")) {
			return GEOJSON;
		}
		if (name.equalsIgnoreCase("csv")) {
			return CSV;
		}
		throw new InvalidInputException("format", "'" + name + "' is not a format; use geojson or csv / 格式应为 geojson 或 csv");
	}
}
