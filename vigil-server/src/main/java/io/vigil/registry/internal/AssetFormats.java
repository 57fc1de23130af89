package io.vigil.registry.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.platform.InvalidInputException;
import io.vigil.registry.Asset;
import io.vigil.registry.FieldProblem;
import io.vigil.registry.NewAsset;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assets as GeoJSON features and CSV rows. GeoJSON: one Feature per asset, properties code, name,
 * type, enterprise, parent and attributes (other properties count as attributes, so flat files from
 * GIS tools work). CSV: columns code,name,type,enterprise,parent,wkt,lon,lat,attributes where the
 * geometry is WKT or, for points, lon/lat, and attributes is a JSON object.
 */
public final class AssetFormats {

	public static final List<String> CSV_COLUMNS = List.of("code", "name", "type", "enterprise", "parent", "wkt", "lon",
			"lat", "attributes");

	private static final List<String> CSV_EXPORT_COLUMNS = List.of("code", "name", "type", "enterprise", "parent", "wkt",
			"attributes");

	private static final Set<String> FEATURE_KEYS = Set.of("code", "name", "type", "domain", "enterprise", "parent",
			"attributes");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private AssetFormats() {
	}

	public static List<ParsedRow<NewAsset>> fromGeoJson(JsonMapper json, String body) {
		JsonNode features = Rows.features(json, body);
		List<ParsedRow<NewAsset>> rows = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			JsonNode properties = feature.path("properties");
			String code = properties.isObject() ? properties.path("code").asString(feature.path("id").asString(null)) : null;
			try {
				if (!feature.isObject() || !"Feature".equals(feature.path("type").asString("")) || !properties.isObject()) {
					throw new InvalidInputException(null, "is not a GeoJSON Feature with properties / 不是带属性的 GeoJSON Feature");
				}
				ObjectNode attributes = NODES.objectNode();
				JsonNode nested = properties.get("attributes");
				if (nested != null && nested.isObject()) {
					attributes.setAll((ObjectNode) nested);
				}
				else if (nested != null && !nested.isNull()) {
					throw new InvalidInputException("attributes", "must be an object / 必须是对象");
				}
				for (Map.Entry<String, JsonNode> entry : properties.properties()) {
					if (!FEATURE_KEYS.contains(entry.getKey())) {
						attributes.set(entry.getKey(), entry.getValue());
					}
				}
				rows.add(ParsedRow.ok(i, null, code, new NewAsset(code, Rows.text(properties, "name"),
						Rows.text(properties, "type"), Rows.text(properties, "enterprise"), Rows.text(properties, "parent"),
						feature.get("geometry"), attributes)));
			}
			catch (InvalidInputException e) {
				rows.add(ParsedRow.failed(i, null, code, new FieldProblem(e.field(), e.reason())));
			}
		}
		return rows;
	}

	public static List<ParsedRow<NewAsset>> fromCsv(JsonMapper json, String body) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<Csv.Line> lines = Rows.csv(body, CSV_COLUMNS, List.of("code", "name", "type", "enterprise"), columns);
		List<ParsedRow<NewAsset>> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Csv.Line line = lines.get(i);
			String code = columns.containsKey("code") && line.fields().size() > columns.get("code")
					? line.fields().get(columns.get("code")).strip() : null;
			try {
				Map<String, String> v = Rows.values(line, columns);
				JsonNode geometry;
				if (v.containsKey("wkt")) {
					geometry = GeoJson.write(GeoJson.parseWkt("wkt", v.get("wkt")));
				}
				else if (v.containsKey("lon") || v.containsKey("lat")) {
					geometry = NODES.objectNode().put("type", "Point").set("coordinates",
							NODES.arrayNode().add(Rows.number("lon", v.get("lon"))).add(Rows.number("lat", v.get("lat"))));
				}
				else {
					throw new InvalidInputException("wkt", "give the geometry as wkt, or lon and lat for a point / 缺少几何");
				}
				JsonNode attributes = null;
				if (v.containsKey("attributes")) {
					try {
						attributes = json.readTree(v.get("attributes"));
					}
					catch (JacksonException e) {
						throw new InvalidInputException("attributes", "is not a JSON object: " + e.getOriginalMessage()
								+ " / 属性必须是 JSON 对象");
					}
				}
				rows.add(ParsedRow.ok(i, line.number(), code, new NewAsset(v.get("code"), v.get("name"), v.get("type"),
						v.get("enterprise"), v.get("parent"), geometry, attributes)));
			}
			catch (InvalidInputException e) {
				rows.add(ParsedRow.failed(i, line.number(), code, new FieldProblem(e.field(), e.reason())));
			}
		}
		return rows;
	}

	public static ObjectNode toGeoJson(List<Asset> assets) {
		ObjectNode collection = NODES.objectNode().put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (Asset asset : assets) {
			ObjectNode feature = features.addObject().put("type", "Feature").put("id", asset.code());
			feature.set("geometry", asset.geometry());
			ObjectNode properties = feature.putObject("properties").put("code", asset.code()).put("name", asset.name())
				.put("type", asset.type()).put("domain", asset.domain()).put("enterprise", asset.enterprise());
			if (asset.parent() != null) {
				properties.put("parent", asset.parent());
			}
			properties.set("attributes", asset.attributes());
		}
		return collection;
	}

	public static String toCsv(JsonMapper json, List<Asset> assets) {
		StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.row(CSV_EXPORT_COLUMNS));
		for (Asset asset : assets) {
			String wkt = asset.geometry() == null ? null
					: GeoJson.wkt(GeoJson.parse("geometry", asset.geometry()));
			out.append(Csv.row(java.util.Arrays.asList(asset.code(), asset.name(), asset.type(), asset.enterprise(),
					asset.parent(), wkt, json.writeValueAsString(asset.attributes()))));
		}
		return out.toString();
	}
}
