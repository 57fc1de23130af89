package io.vigil.registry.web;

import io.vigil.organisation.CurrentUser;
import io.vigil.registry.EmergencyResource;
import io.vigil.registry.EmergencyResources;
import io.vigil.registry.NewEmergencyResource;
import io.vigil.registry.Page;

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

/** Emergency resources (fire stations, rescue teams, depots, shelters, hospitals), scoped. */
@RestController
class EmergencyResourceController {

	private final EmergencyResources resources;

	EmergencyResourceController(EmergencyResources resources) {
		this.resources = resources;
	}

	@GetMapping("/api/v1/emergency-resources")
	Page<EmergencyResource> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String type,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String bbox,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return resources.list(user, type, organisation, bbox, page, size);
	}

	@GetMapping("/api/v1/emergency-resources/{code}")
	EmergencyResource get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return resources.get(user, code);
	}

	@PostMapping("/api/v1/emergency-resources")
	@ResponseStatus(HttpStatus.CREATED)
	EmergencyResource create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewEmergencyResource command) {
		return resources.create(user, command);
	}

	@PutMapping("/api/v1/emergency-resources/{code}")
	EmergencyResource update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestBody NewEmergencyResource command) {
		return resources.update(user, code, command);
	}

	@DeleteMapping("/api/v1/emergency-resources/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		resources.delete(user, code);
	}
}
