package io.vigil.detection.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

import io.vigil.engine.Level;
import io.vigil.platform.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** Typed reads of one JSON rule object; every mistake names the exact field (rules[2].window). */
final class JsonFields {

	private final JsonNode node;

	private final String path;

	JsonFields(JsonNode node, String path) {
		if (node == null || !node.isObject()) {
			throw new InvalidInputException(path, "must be a JSON object / 须为 JSON 对象");
		}
		this.node = node;
		this.path = path;
	}

	String path(String field) {
		return path + "." + field;
	}

	/** Rejects fields the kind does not know, so that a typo does not silently fall back to a default. */
	void allowOnly(Set<String> known) {
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				throw new InvalidInputException(path(name), "unknown field for this kind; known: " + known.stream().sorted().toList()
						+ " / 未知字段");
			}
		}
	}

	boolean has(String field) {
		JsonNode v = node.get(field);
		return v != null && !v.isNull();
	}

	JsonNode node(String field) {
		return node.get(field);
	}

	String text(String field, String fallback) {
		if (!has(field)) {
			return fallback;
		}
		JsonNode v = node.get(field);
		if (!v.isString() || v.asString().isBlank()) {
			throw new InvalidInputException(path(field), "must be a non-blank string / 须为非空字符串");
		}
		return v.asString().trim();
	}

	String requiredText(String field) {
		String v = text(field, null);
		if (v == null) {
			throw new InvalidInputException(path(field), "is required / 必填");
		}
		return v;
	}

	double number(String field, double fallback) {
		if (!has(field)) {
			return fallback;
		}
		JsonNode v = node.get(field);
		if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
			throw new InvalidInputException(path(field), "must be a finite number / 须为数值");
		}
		return v.doubleValue();
	}

	double requiredNumber(String field) {
		if (!has(field)) {
			throw new InvalidInputException(path(field), "is required / 必填");
		}
		return number(field, Double.NaN);
	}

	int integer(String field, int fallback) {
		if (!has(field)) {
			return fallback;
		}
		JsonNode v = node.get(field);
		if (!v.isIntegralNumber()) {
			throw new InvalidInputException(path(field), "must be a whole number / 须为整数");
		}
		return v.intValue();
	}

	boolean bool(String field, boolean fallback) {
		if (!has(field)) {
			return fallback;
		}
		JsonNode v = node.get(field);
		if (!v.isBoolean()) {
			throw new InvalidInputException(path(field), "must be true or false / 须为布尔值");
		}
		return v.booleanValue();
	}

	Level level(String field, Level fallback) {
		String v = text(field, null);
		if (v == null) {
			if (fallback == null) {
				throw new InvalidInputException(path(field), "is required (red, orange, yellow or blue) / 必填");
			}
			return fallback;
		}
		try {
			return Level.parse(v);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(path(field), "unknown level '" + v + "'; known: red, orange, yellow, blue / 未知等级");
		}
	}

	/** ISO-8601 ({@code PT5M}) or a number of seconds. */
	Duration duration(String field, Duration fallback) {
		if (!has(field)) {
			if (fallback == null) {
				throw new InvalidInputException(path(field), "is required (ISO-8601 like PT5M, or seconds) / 必填");
			}
			return fallback;
		}
		JsonNode v = node.get(field);
		if (v.isNumber()) {
			return Duration.ofMillis(Math.round(v.doubleValue() * 1000));
		}
		try {
			return Duration.parse(v.asString());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(path(field), "not a duration: '" + v.asString()
					+ "' (ISO-8601 like PT5M, or seconds) / 时长格式错误");
		}
	}

	Instant instant(String field) {
		String v = requiredText(field);
		try {
			return Instant.parse(v);
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(path(field), "not an ISO-8601 instant: '" + v + "' / 时间格式错误");
		}
	}
}
