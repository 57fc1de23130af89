package io.vigil.detection;

import tools.jackson.databind.JsonNode;

/** What creating or changing a rule set takes; {@code enabled} defaults to true, {@code name} to scope:target. */
public record NewRuleSet(String scope, String target, String name, Boolean enabled, JsonNode rules) {
}
