package io.vigil.registry.web;

import java.util.List;
import java.util.Map;

import io.vigil.platform.NotFoundException;
import io.vigil.registry.AssetType;
import io.vigil.registry.DomainPack;
import io.vigil.registry.DomainPacks;
import io.vigil.registry.SensorType;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The loaded domain packs and their types; readable by every signed-in user (they are not data of anyone). */
@RestController
class DomainPackController {

	private final DomainPacks packs;

	DomainPackController(DomainPacks packs) {
		this.packs = packs;
	}

	@GetMapping("/api/v1/domain-packs")
	Map<String, List<DomainPack>> packs() {
		return Map.of("items", packs.packs());
	}

	@GetMapping("/api/v1/domain-packs/{code}")
	DomainPack pack(@PathVariable String code) {
		return packs.pack(code).orElseThrow(() -> new NotFoundException("domain pack", code));
	}

	@GetMapping("/api/v1/asset-types")
	Map<String, List<AssetType>> assetTypes(@RequestParam(required = false) String domain) {
		return Map.of("items", packs.assetTypes(domain));
	}

	@GetMapping("/api/v1/sensor-types")
	Map<String, List<SensorType>> sensorTypes(@RequestParam(required = false) String domain) {
		return Map.of("items", packs.sensorTypes(domain));
	}
}
