package io.vigil.registry.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.registry.AssetType;
import io.vigil.registry.AttributeSpec;
import io.vigil.registry.DomainPack;
import io.vigil.registry.FieldProblem;
import io.vigil.registry.LocalizedName;
import io.vigil.registry.SensorType;
import io.vigil.registry.ValueRange;

/** The rules a domain pack must satisfy; returns the pack with each type stamped with its pack code. */
final class DomainPackCheck {

	private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	private DomainPackCheck() {
	}

	static DomainPack check(DomainPack raw, String source) {
		code(source, "code", raw.code());
		name(source, "name", raw.name());
		code(source, "industry", raw.industry());
		Set<String> seen = new HashSet<>();
		List<AssetType> assetTypes = new java.util.ArrayList<>();
		for (int i = 0; i < raw.assetTypes().size(); i++) {
			AssetType type = raw.assetTypes().get(i);
			String at = "assetTypes[" + i + "]";
			code(source, at + ".code", type.code());
			unique(source, at + ".code", type.code(), seen);
			name(source, at + ".name", type.name());
			if (!AssetType.GEOMETRY_KINDS.contains(type.geometry())) {
				fail(source, at + ".geometry", "'" + type.geometry() + "' is not one of " + AssetType.GEOMETRY_KINDS);
			}
			Set<String> attributeCodes = new HashSet<>();
			for (int j = 0; j < type.attributes().size(); j++) {
				attribute(source, at + ".attributes[" + j + "]", type.attributes().get(j), attributeCodes);
			}
			assetTypes.add(new AssetType(type.code(), raw.code(), type.name(), type.geometry(), type.attributes()));
		}
		List<SensorType> sensorTypes = new java.util.ArrayList<>();
		for (int i = 0; i < raw.sensorTypes().size(); i++) {
			SensorType type = raw.sensorTypes().get(i);
			String at = "sensorTypes[" + i + "]";
			code(source, at + ".code", type.code());
			unique(source, at + ".code", type.code(), seen);
			name(source, at + ".name", type.name());
			if (type.unit() == null || type.unit().isBlank()) {
				fail(source, at + ".unit", "is required");
			}
			if (type.intervalSeconds() <= 0) {
				fail(source, at + ".intervalSeconds", "must be a positive number of seconds");
			}
			ValueRange range = type.range();
			if (range.min() != null && range.max() != null && range.min() >= range.max()) {
				fail(source, at + ".range", "min must be below max");
			}
			for (FieldProblem problem : type.thresholds().disorder()) {
				fail(source, at + "." + problem.field(), problem.reason());
			}
			type.thresholds().asMap().forEach((key, value) -> {
				if (!range.contains(value)) {
					fail(source, at + ".thresholds." + key, value + " lies outside the physical range");
				}
			});
			sensorTypes.add(new SensorType(type.code(), raw.code(), type.name(), type.unit(), type.otherUnits(),
					type.intervalSeconds(), range, type.thresholds(), type.basis()));
		}
		return new DomainPack(raw.code(), raw.name(), raw.industry(), raw.version(), raw.description(), assetTypes,
				sensorTypes, source);
	}

	/** Sensors and assets store only the type code, so a code must mean one thing across all packs. */
	static void checkUniqueTypeCodes(List<DomainPack> packs) {
		Map<String, String> owner = new HashMap<>();
		for (DomainPack pack : packs) {
			List<String> codes = new java.util.ArrayList<>();
			pack.assetTypes().forEach(t -> codes.add(t.code()));
			pack.sensorTypes().forEach(t -> codes.add(t.code()));
			for (String code : codes) {
				String previous = owner.putIfAbsent(code, pack.code());
				if (previous != null) {
					fail(pack.source(), "code", "type code '" + code + "' is already declared by pack '" + previous
							+ "'; type codes must be unique across packs");
				}
			}
		}
	}

	private static void attribute(String source, String at, AttributeSpec spec, Set<String> seen) {
		if (spec.code() == null || !Pattern.matches("[a-zA-Z][a-zA-Z0-9_]{0,63}", spec.code())) {
			fail(source, at + ".code", "'" + spec.code() + "' is not a valid attribute code");
		}
		unique(source, at + ".code", spec.code(), seen);
		name(source, at + ".name", spec.name());
		if (!AttributeSpec.TYPES.contains(spec.type())) {
			fail(source, at + ".type", "'" + spec.type() + "' is not one of " + AttributeSpec.TYPES);
		}
		if ("enum".equals(spec.type()) && spec.values().isEmpty()) {
			fail(source, at + ".values", "an enum attribute needs its values");
		}
	}

	private static void code(String source, String field, String value) {
		if (value == null || !CODE.matcher(value).matches()) {
			fail(source, field, "'" + value + "' is not a code (lowercase letters, digits, '_', starting with a letter)");
		}
	}

	private static void name(String source, String field, LocalizedName name) {
		if (name == null || name.zh() == null || name.zh().isBlank() || name.en() == null || name.en().isBlank()) {
			fail(source, field, "needs both zh and en");
		}
	}

	private static void unique(String source, String field, String code, Set<String> seen) {
		if (!seen.add(code)) {
			fail(source, field, "'" + code + "' is declared twice");
		}
	}

	private static void fail(String source, String field, String reason) {
		throw new BadDomainPackException(source, field, reason);
	}
}
