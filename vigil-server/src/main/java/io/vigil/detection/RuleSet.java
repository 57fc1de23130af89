package io.vigil.detection;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One version of a rule set: the rules for every object of a scope's target (a sensor type, an asset type,
 * an asset or a sensor). The most specific scope wins rule by rule name. A deleted rule set is a new
 * version with {@code enabled=false}; old versions are kept.
 *
 * @param scope {@code sensor_type}, {@code asset_type}, {@code asset} or {@code sensor}
 * @param target the code of the sensor type, asset type, asset or sensor
 * @param rules the rules as JSON (see {@link RuleSets})
 */
public record RuleSet(long id, String scope, String target, int version, String name, boolean enabled, JsonNode rules,
		String createdBy, Instant createdAt) {
}
