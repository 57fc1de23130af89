package io.vigil.registry.web;

import io.vigil.organisation.CurrentUser;
import io.vigil.registry.Asset;
import io.vigil.registry.AssetQuery;
import io.vigil.registry.AssetRegistry;
import io.vigil.registry.NewAsset;
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

/** Assets (monitored objects), scoped by the caller's data scope. */
@RestController
class AssetController {

	private final AssetRegistry assets;

	AssetController(AssetRegistry assets) {
		this.assets = assets;
	}

	@GetMapping("/api/v1/assets")
	Page<Asset> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String type, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String bbox, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return assets.list(user, new AssetQuery(enterprise, type, domain, bbox, page, size));
	}

	@GetMapping("/api/v1/assets/{code}")
	Asset get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return assets.get(user, code);
	}

	@PostMapping("/api/v1/assets")
	@ResponseStatus(HttpStatus.CREATED)
	Asset create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewAsset command) {
		return assets.create(user, command);
	}

	@PutMapping("/api/v1/assets/{code}")
	Asset update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, @RequestBody NewAsset command) {
		return assets.update(user, code, command);
	}

	@DeleteMapping("/api/v1/assets/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		assets.delete(user, code);
	}
}
