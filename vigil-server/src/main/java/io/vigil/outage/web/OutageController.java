package io.vigil.outage.web;

import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.outage.Outage;
import io.vigil.outage.OutageDeclarations;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outage declarations and their approval, scoped by the caller's data scope. */
@RestController
class OutageController {

	private final OutageDeclarations outages;

	OutageController(OutageDeclarations outages) {
		this.outages = outages;
	}

	record Decision(String note) {
	}

	@GetMapping("/api/v1/outages")
	Map<String, Object> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String status) {
		List<Outage> items = outages.list(user, enterprise, status, null);
		return Map.of("items", items, "total", items.size());
	}

	@GetMapping("/api/v1/outages/{id}")
	Outage get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return outages.get(user, id);
	}

	@PostMapping("/api/v1/outages")
	@ResponseStatus(HttpStatus.CREATED)
	Outage declare(@AuthenticationPrincipal CurrentUser user, @RequestBody OutageDeclarations.Declaration body) {
		return outages.declare(user, body);
	}

	@PostMapping("/api/v1/outages/{id}/approve")
	Outage approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Decision body) {
		return outages.decide(user, id, true, body == null ? null : body.note());
	}

	@PostMapping("/api/v1/outages/{id}/reject")
	Outage reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) Decision body) {
		return outages.decide(user, id, false, body == null ? null : body.note());
	}
}
