package io.vigil.detection.internal;

import java.util.List;

import io.vigil.engine.condition.Threshold;
import io.vigil.organisation.Organisations;
import io.vigil.platform.InvalidInputException;
import io.vigil.registry.Asset;
import io.vigil.registry.AssetRegistry;
import io.vigil.registry.DomainPacks;
import io.vigil.registry.Sensor;
import io.vigil.registry.SensorRegistry;
import io.vigil.registry.SensorType;
import io.vigil.registry.Thresholds;

import org.springframework.stereotype.Component;

/** Checks that a rule set's scope and target exist and finds what access checks and validation need about them. */
@Component
public class RuleTarget {

	public static final List<String> SCOPES = List.of("sensor_type", "asset_type", "asset", "sensor");

	/**
	 * @param enterpriseId owner of an asset or sensor target, null for type scopes
	 * @param sample the target as rules are validated against it
	 * @param standard the standard threshold of a sensor target's type, null when there is none
	 */
	public record Resolved(String scope, String target, Long enterpriseId, Target sample, Threshold standard) {
	}

	private final DomainPacks packs;

	private final SensorRegistry sensors;

	private final AssetRegistry assets;

	private final Organisations organisations;

	RuleTarget(DomainPacks packs, SensorRegistry sensors, AssetRegistry assets, Organisations organisations) {
		this.packs = packs;
		this.sensors = sensors;
		this.assets = assets;
		this.organisations = organisations;
	}

	public Resolved resolve(String scope, String target) {
		if (scope == null || !SCOPES.contains(scope)) {
			throw new InvalidInputException("scope", "must be one of " + SCOPES + " / 作用范围无效");
		}
		if (target == null || target.isBlank()) {
			throw new InvalidInputException("target", "is required / 必填");
		}
		switch (scope) {
			case "sensor_type" -> {
				packs.sensorType(target).orElseThrow(() -> new InvalidInputException("target", "unknown sensor type '" + target + "' / 未知传感器类型"));
				return new Resolved(scope, target, null, Target.SAMPLE, null);
			}
			case "asset_type" -> {
				packs.assetType(target).orElseThrow(() -> new InvalidInputException("target", "unknown asset type '" + target + "' / 未知监测对象类型"));
				return new Resolved(scope, target, null, Target.SAMPLE, null);
			}
			case "asset" -> {
				Asset a = assets.findByCode(target).orElseThrow(() -> new InvalidInputException("target", "unknown asset '" + target + "' / 未知监测对象"));
				return new Resolved(scope, target, enterpriseId(a.enterprise()), new Target("asset:" + target, 60, null, null, null, null), null);
			}
			default -> {
				Sensor s = sensors.findByCode(target).orElseThrow(() -> new InvalidInputException("target", "unknown sensor '" + target + "' / 未知传感器"));
				SensorType type = packs.sensorType(s.type()).orElse(null);
				Double min = s.range() == null ? null : s.range().min(), max = s.range() == null ? null : s.range().max();
				Thresholds standard = type != null && type.unit().equals(s.unit()) ? type.thresholds() : Thresholds.NONE;
				return new Resolved(scope, target, enterpriseId(s.enterprise()),
						new Target(s.code(), s.intervalSeconds(), min, max, s.lon(), s.lat()),
						DefaultRules.threshold("standard", s.type(), standard, min, max));
			}
		}
	}

	/** Coupled rules belong to an asset and read sensors of the asset's enterprise (their states share a partition). */
	public void checkCoupled(Resolved target, List<RuleSpec> rules) {
		for (int i = 0; i < rules.size(); i++) {
			RuleSpec spec = rules.get(i);
			if (!spec.coupled()) {
				continue;
			}
			if (!"asset".equals(target.scope())) {
				throw new InvalidInputException("rules[" + i + "].kind", spec.kind() + " judges several sensors together and "
						+ "belongs to an asset rule set (scope 'asset') / 耦合模型须挂在监测对象上");
			}
			String field = "rules[" + i + "]";
			for (String code : spec.sensors()) {
				Sensor s = sensors.findByCode(code).orElseThrow(() -> new InvalidInputException(field,
						"unknown sensor '" + code + "' / 未知传感器"));
				if (!target.enterpriseId().equals(enterpriseId(s.enterprise()))) {
					throw new InvalidInputException(field, "sensor '" + code + "' belongs to another enterprise than the asset"
							+ " / 传感器与监测对象不属于同一企业");
				}
			}
		}
	}

	private Long enterpriseId(String code) {
		return organisations.findByCode(code).map(o -> o.id()).orElse(null);
	}
}
