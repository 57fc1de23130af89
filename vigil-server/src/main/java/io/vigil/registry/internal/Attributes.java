package io.vigil.registry.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import io.vigil.platform.InvalidInputException;
import io.vigil.registry.AssetType;
import io.vigil.registry.AttributeSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Validates an asset's type-specific attributes against its type in the domain pack. */
public final class Attributes {

	private Attributes() {
	}

	/** The attributes as a clean object; unknown keys are refused (naming the known ones) to catch typos. */
	public static ObjectNode check(AssetType type, JsonNode attributes) {
		ObjectNode clean = JsonNodeFactory.instance.objectNode();
		if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
			throw new InvalidInputException("attributes", "must be an object / 必须是对象");
		}
		if (attributes != null && attributes.isObject()) {
			for (Map.Entry<String, JsonNode> entry : attributes.properties()) {
				AttributeSpec spec = type.attribute(entry.getKey())
					.orElseThrow(() -> new InvalidInputException("attributes." + entry.getKey(),
							"is not an attribute of " + type.code() + "; known: "
									+ type.attributes().stream().map(AttributeSpec::code).collect(Collectors.joining(", "))
									+ " / 未知属性"));
				if (!entry.getValue().isNull()) {
					clean.set(entry.getKey(), value(spec, "attributes." + entry.getKey(), entry.getValue()));
				}
			}
		}
		for (AttributeSpec spec : type.attributes()) {
			if (spec.required() && !clean.has(spec.code())) {
				throw new InvalidInputException("attributes." + spec.code(), "is required for a " + type.code() + " ("
						+ spec.name().en() + ") / 必填: " + spec.name().zh());
			}
		}
		return clean;
	}

	private static JsonNode value(AttributeSpec spec, String field, JsonNode value) {
		switch (spec.type()) {
			case "string" -> requireString(field, value, 500);
			case "number", "integer" -> {
				if (!value.isNumber() || ("integer".equals(spec.type()) && !value.isIntegralNumber())) {
					throw new InvalidInputException(field, "must be " + ("integer".equals(spec.type()) ? "an integer" : "a number")
							+ " / 必须是数值");
				}
				double number = value.asDouble();
				if ((spec.min() != null && number < spec.min()) || (spec.max() != null && number > spec.max())) {
					throw new InvalidInputException(field, number + " is outside " + spec.min() + ".." + spec.max()
							+ (spec.unit() == null ? "" : " " + spec.unit()) + " / 超出取值范围");
				}
			}
			case "boolean" -> {
				if (!value.isBoolean()) {
					throw new InvalidInputException(field, "must be true or false / 必须是布尔值");
				}
			}
			case "date" -> {
				requireString(field, value, 10);
				try {
					LocalDate.parse(value.asString());
				}
				catch (DateTimeParseException e) {
					throw new InvalidInputException(field, "must be a date yyyy-MM-dd / 日期格式应为 yyyy-MM-dd");
				}
			}
			case "enum" -> {
				String code = value.isNumber() ? value.asString() : requireString(field, value, 100);
				if (spec.values().stream().noneMatch(v -> v.code().equals(code))) {
					throw new InvalidInputException(field, "'" + code + "' is not one of "
							+ spec.values().stream().map(v -> v.code() + " (" + v.name().zh() + ")").collect(Collectors.joining(", "))
							+ " / 取值无效");
				}
				return JsonNodeFactory.instance.stringNode(code);
			}
			case "person" -> {
				if (!value.isObject()) {
					throw new InvalidInputException(field, "must be an object {\"name\", \"phone\"} / 必须包含姓名和电话");
				}
				requireString(field + ".name", value.get("name"), 100);
				requireString(field + ".phone", value.get("phone"), 40);
				return JsonNodeFactory.instance.objectNode().put("name", value.get("name").asString().strip())
					.put("phone", value.get("phone").asString().strip());
			}
			default -> throw new IllegalStateException("attribute type " + spec.type());
		}
		return value;
	}

	private static String requireString(String field, JsonNode value, int max) {
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InvalidInputException(field, "must be a non-empty text / 必须是非空文本");
		}
		if (value.asString().length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters / 过长");
		}
		return value.asString();
	}
}
