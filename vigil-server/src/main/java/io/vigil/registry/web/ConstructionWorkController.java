package io.vigil.registry.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.platform.InvalidInputException;
import io.vigil.registry.ConstructionWork;
import io.vigil.registry.ConstructionWorks;
import io.vigil.registry.NewConstructionWork;
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

/** Third-party construction works near pipelines, scoped; {@code /near} answers "who is digging here now?". */
@RestController
class ConstructionWorkController {

	private final ConstructionWorks works;

	private final Clock clock;

	ConstructionWorkController(ConstructionWorks works, Clock clock) {
		this.works = works;
		this.clock = clock;
	}

	@GetMapping("/api/v1/construction-works")
	Page<ConstructionWork> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) Instant activeAt, @RequestParam(required = false) String organisation,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return works.list(user, activeAt, organisation, page, size);
	}

	@GetMapping("/api/v1/construction-works/near")
	Map<String, List<ConstructionWork>> near(@AuthenticationPrincipal CurrentUser user, @RequestParam double lon,
			@RequestParam double lat, @RequestParam(required = false) Instant at,
			@RequestParam(defaultValue = "200") double within) {
		if (within < 0 || within > 50_000) {
			throw new InvalidInputException("within", "must be 0..50000 metres / 距离超出范围");
		}
		return Map.of("items", works.activeNear(user, lon, lat, at == null ? clock.instant() : at, within));
	}

	@GetMapping("/api/v1/construction-works/{code}")
	ConstructionWork get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return works.get(user, code);
	}

	@PostMapping("/api/v1/construction-works")
	@ResponseStatus(HttpStatus.CREATED)
	ConstructionWork create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewConstructionWork command) {
		return works.create(user, command);
	}

	@PutMapping("/api/v1/construction-works/{code}")
	ConstructionWork update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestBody NewConstructionWork command) {
		return works.update(user, code, command);
	}

	@DeleteMapping("/api/v1/construction-works/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		works.delete(user, code);
	}
}
