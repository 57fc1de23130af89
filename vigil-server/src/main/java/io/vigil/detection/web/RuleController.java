package io.vigil.detection.web;

import java.util.List;
import java.util.Map;

import io.vigil.detection.NewRuleSet;
import io.vigil.detection.RuleSet;
import io.vigil.detection.RuleSets;
import io.vigil.organisation.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rule sets: {@code /api/v1/rules}; see {@link RuleSets} for the rule JSON. */
@RestController
class RuleController {

	private final RuleSets rules;

	RuleController(RuleSets rules) {
		this.rules = rules;
	}

	@GetMapping("/api/v1/rules")
	Map<String, List<RuleSet>> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String target) {
		return Map.of("items", rules.list(user, scope, target));
	}

	@GetMapping("/api/v1/rules/{id}")
	RuleSet get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return rules.get(user, id);
	}

	@GetMapping("/api/v1/rules/{id}/versions")
	Map<String, List<RuleSet>> versions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Map.of("items", rules.versions(user, id));
	}

	@PostMapping("/api/v1/rules")
	@ResponseStatus(HttpStatus.CREATED)
	RuleSet create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewRuleSet command) {
		return rules.create(user, command);
	}

	@PutMapping("/api/v1/rules/{id}")
	RuleSet update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody NewRuleSet command) {
		return rules.update(user, id, command);
	}

	@DeleteMapping("/api/v1/rules/{id}")
	RuleSet delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return rules.delete(user, id);
	}
}
