package io.vigil.registry.web;

import io.vigil.organisation.CurrentUser;
import io.vigil.registry.NewSensor;
import io.vigil.registry.Page;
import io.vigil.registry.Sensor;
import io.vigil.registry.SensorQuery;
import io.vigil.registry.SensorRegistry;

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

/** Sensors, scoped by the caller's data scope (wire contract: see design.md "Sensors"). */
@RestController
class SensorController {

	private final SensorRegistry sensors;

	SensorController(SensorRegistry sensors) {
		this.sensors = sensors;
	}

	@GetMapping("/api/v1/sensors")
	Page<Sensor> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String asset, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		return sensors.list(user, new SensorQuery(enterprise, asset, type, page, size));
	}

	@GetMapping("/api/v1/sensors/{code}")
	Sensor get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		return sensors.get(user, code);
	}

	@PostMapping("/api/v1/sensors")
	@ResponseStatus(HttpStatus.CREATED)
	Sensor create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewSensor command) {
		return sensors.create(user, command);
	}

	@PutMapping("/api/v1/sensors/{code}")
	Sensor update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestBody NewSensor command) {
		return sensors.update(user, code, command);
	}

	@DeleteMapping("/api/v1/sensors/{code}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String code) {
		sensors.delete(user, code);
	}
}
