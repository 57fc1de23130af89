package io.vigil.registry.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.platform.InvalidInputException;
import io.vigil.registry.FieldProblem;
import io.vigil.registry.NewSensor;
import io.vigil.registry.Sensor;
import io.vigil.registry.Thresholds;
import io.vigil.registry.ValueRange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sensors as GeoJSON features (Point geometry, or null to take the asset's position; properties code,
 * name, type, enterprise, asset, unit, intervalSeconds, rangeMin, rangeMax, thresholds, gateway) and
 * CSV rows (columns code,name,type,enterprise,asset,unit,lon,lat,interval,range_min,range_max,high,
 * high_high,low,low_low,gateway).
 */
public final class SensorFormats {

	public static final List<String> CSV_COLUMNS = List.of("code", "name", "type", "enterprise", "asset", "unit", "lon",
			"lat", "interval", "range_min", "range_max", "high", "high_high", "low", "low_low", "gateway");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private SensorFormats() {
	}

	public static List<ParsedRow<NewSensor>> fromGeoJson(JsonMapper json, String body) {
		JsonNode features = Rows.features(json, body);
		List<ParsedRow<NewSensor>> rows = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			JsonNode p = feature.path("properties");
			String code = p.isObject() ? p.path("code").asString(feature.path("id").asString(null)) : null;
			try {
				if (!feature.isObject() || !"Feature".equals(feature.path("type").asString("")) || !p.isObject()) {
					throw new InvalidInputException(null, "is not a GeoJSON Feature with properties / 不是带属性的 GeoJSON Feature");
				}
				Double lon = null;
				Double lat = null;
				JsonNode geometry = feature.get("geometry");
				if (geometry != null && !geometry.isNull()) {
					org.locationtech.jts.geom.Geometry point = GeoJson.parse("geometry", geometry);
					GeoJson.requireKind("geometry", point, "Point", "sensor");
					lon = point.getCoordinate().x;
					lat = point.getCoordinate().y;
				}
				JsonNode t = p.path("thresholds");
				Thresholds thresholds = t.isObject() ? new Thresholds(Rows.number(t, "high"), Rows.number(t, "highHigh"),
						Rows.number(t, "low"), Rows.number(t, "lowLow")) : null;
				Double interval = Rows.number(p, "intervalSeconds");
				rows.add(ParsedRow.ok(i, null, code, new NewSensor(code, Rows.text(p, "name"), Rows.text(p, "type"),
						Rows.text(p, "enterprise"), Rows.text(p, "asset"), Rows.text(p, "unit"), lon, lat,
						interval == null ? null : integer("intervalSeconds", interval),
						new ValueRange(Rows.number(p, "rangeMin"), Rows.number(p, "rangeMax")), thresholds,
						Rows.text(p, "gateway"))));
			}
			catch (InvalidInputException e) {
				rows.add(ParsedRow.failed(i, null, code, new FieldProblem(e.field(), e.reason())));
			}
		}
		return rows;
	}

	public static List<ParsedRow<NewSensor>> fromCsv(String body) {
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<Csv.Line> lines = Rows.csv(body, CSV_COLUMNS, List.of("code", "name", "type"), columns);
		List<ParsedRow<NewSensor>> rows = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Csv.Line line = lines.get(i);
			String code = line.fields().size() > columns.get("code") ? line.fields().get(columns.get("code")).strip() : null;
			try {
				Map<String, String> v = Rows.values(line, columns);
				Double interval = Rows.number("interval", v.get("interval"));
				rows.add(ParsedRow.ok(i, line.number(), code, new NewSensor(v.get("code"), v.get("name"), v.get("type"),
						v.get("enterprise"), v.get("asset"), v.get("unit"), Rows.number("lon", v.get("lon")),
						Rows.number("lat", v.get("lat")), interval == null ? null : integer("interval", interval),
						new ValueRange(Rows.number("range_min", v.get("range_min")), Rows.number("range_max", v.get("range_max"))),
						new Thresholds(Rows.number("high", v.get("high")), Rows.number("high_high", v.get("high_high")),
								Rows.number("low", v.get("low")), Rows.number("low_low", v.get("low_low"))),
						v.get("gateway"))));
			}
			catch (InvalidInputException e) {
				rows.add(ParsedRow.failed(i, line.number(), code, new FieldProblem(e.field(), e.reason())));
			}
		}
		return rows;
	}

	public static ObjectNode toGeoJson(JsonMapper json, List<Sensor> sensors) {
		ObjectNode collection = NODES.objectNode().put("type", "FeatureCollection");
		ArrayNode features = collection.putArray("features");
		for (Sensor s : sensors) {
			ObjectNode feature = features.addObject().put("type", "Feature").put("id", s.code());
			if (s.lon() != null) {
				feature.putObject("geometry").put("type", "Point").putArray("coordinates").add(s.lon()).add(s.lat());
			}
			else {
				feature.putNull("geometry");
			}
			ObjectNode p = feature.putObject("properties").put("code", s.code()).put("name", s.name()).put("type", s.type())
				.put("enterprise", s.enterprise()).put("asset", s.asset()).put("unit", s.unit())
				.put("intervalSeconds", s.intervalSeconds()).put("rangeMin", s.range().min())
				.put("rangeMax", s.range().max()).put("gateway", s.gateway());
			p.set("thresholds", json.valueToTree(s.thresholds().asMap()));
		}
		return collection;
	}

	public static String toCsv(List<Sensor> sensors) {
		StringBuilder out = new StringBuilder(Csv.BOM).append(Csv.row(CSV_COLUMNS));
		for (Sensor s : sensors) {
			Thresholds t = s.thresholds();
			out.append(Csv.row(Arrays.asList(s.code(), s.name(), s.type(), s.enterprise(), s.asset(), s.unit(), s.lon(),
					s.lat(), s.intervalSeconds(), s.range().min(), s.range().max(), t.high(), t.highHigh(), t.low(),
					t.lowLow(), s.gateway())));
		}
		return out.toString();
	}

	private static int integer(String field, double value) {
		if (value != Math.rint(value) || value < 1 || value > Integer.MAX_VALUE) {
			throw new InvalidInputException(field, value + " is not a whole number of seconds / 必须是正整数秒");
		}
		return (int) value;
	}
}
