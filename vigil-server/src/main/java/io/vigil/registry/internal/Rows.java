package io.vigil.registry.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading import files into rows: the file-level checks shared by the asset and sensor formats. */
public final class Rows {

	private Rows() {
	}

	/** The features of a GeoJSON FeatureCollection; a file that is not one is refused as a whole. */
	public static JsonNode features(JsonMapper json, String body) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new InvalidInputException("body", "is not valid JSON: " + e.getOriginalMessage() + " / JSON 格式错误");
		}
		if (root == null || !root.isObject() || !"FeatureCollection".equals(root.path("type").asString(""))
				|| !root.path("features").isArray()) {
			throw new InvalidInputException("body", "must be a GeoJSON FeatureCollection / 必须是 GeoJSON FeatureCollection");
		}
		return root.get("features");
	}

	/** The CSV records after the header; the header must name only known columns and all required ones. */
	public static List<Csv.Line> csv(String body, List<String> known, List<String> required, Map<String, Integer> columns) {
		List<Csv.Line> lines = Csv.parse(body == null ? "" : body);
		if (lines.isEmpty()) {
			throw new InvalidInputException("body", "is empty; the first line must be the header " + known + " / 缺少表头");
		}
		List<String> header = lines.get(0).fields();
		for (int i = 0; i < header.size(); i++) {
			String column = header.get(i).strip();
			if (!known.contains(column)) {
				throw new InvalidInputException("header", "unknown column '" + column + "'; known: " + known + " / 未知列");
			}
			if (columns.put(column, i) != null) {
				throw new InvalidInputException("header", "column '" + column + "' appears twice / 列重复");
			}
		}
		for (String column : required) {
			if (!columns.containsKey(column)) {
				throw new InvalidInputException("header", "column '" + column + "' is required / 缺少必需列");
			}
		}
		return lines.subList(1, lines.size());
	}

	/** A record's values by column name; blank values are absent. */
	public static Map<String, String> values(Csv.Line line, Map<String, Integer> columns) {
		if (line.fields().size() != columns.size()) {
			throw new InvalidInputException(null, "has " + line.fields().size() + " fields but the header has "
					+ columns.size() + " / 字段数与表头不符");
		}
		Map<String, String> values = new HashMap<>();
		columns.forEach((column, i) -> {
			String value = line.fields().get(i).strip();
			if (!value.isEmpty()) {
				values.put(column, value);
			}
		});
		return values;
	}

	/** A text property of a GeoJSON feature; numbers and booleans are taken as their text (GIS tools make codes numbers). */
	public static String text(JsonNode properties, String key) {
		JsonNode value = properties.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString() || value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		throw new InvalidInputException("properties." + key, "must be a text / 必须是文本");
	}

	public static Double number(String field, String text) {
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (!Double.isFinite(value)) {
				throw new NumberFormatException();
			}
			return value;
		}
		catch (NumberFormatException e) {
			throw new InvalidInputException(field, "'" + text + "' is not a number / 不是数值");
		}
	}

	public static Double number(JsonNode properties, String key) {
		JsonNode value = properties.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw new InvalidInputException("properties." + key, "must be a number / 必须是数值");
		}
		return value.asDouble();
	}

	static Set<String> keys(JsonNode node) {
		return Set.copyOf(node.propertyNames());
	}
}
