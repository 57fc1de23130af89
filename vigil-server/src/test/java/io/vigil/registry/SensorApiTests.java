package io.vigil.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
@RecordApplicationEvents
class SensorApiTests {

	@LocalServerPort
	int port;

	@Autowired
	SensorCatalog catalog;

	@Autowired
	SensorRegistry registry;

	RegistryFixture f;

	String segment;

	@BeforeEach
	void tree() {
		f = new RegistryFixture(port);
		segment = f.code("seg");
		f.createSegment(f.admin, segment, f.e1);
	}

	@Test
	void sensorTakesItsTypesDefaultsAndItsAssetsEnterpriseAndPosition() {
		Api manager = f.as("m1");
		String code = f.code("gas");

		Api.Response created = manager.post("/api/v1/sensors", RegistryFixture.gasSensor(code, segment));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("unit").asString()).isEqualTo("%LEL");
		assertThat(created.json().get("enterprise").asString()).isEqualTo(f.e1);
		assertThat(created.json().get("thresholds").toString()).isEqualTo("{\"high\":25.0,\"highHigh\":50.0}");
		assertThat(created.json().get("intervalSeconds").asInt()).isEqualTo(10);
		assertThat(created.json().get("lon").asDouble()).isBetween(117.70, 117.75);

		Api.Response list = manager.get("/api/v1/sensors?enterprise=" + f.e1 + "&page=0&size=100");
		assertThat(list.json().get("total").asInt()).isEqualTo(1);
		Map<String, String> item = Map.of("code", code, "enterprise", f.e1, "asset", segment, "type", "combustible_gas",
				"unit", "%LEL");
		item.forEach((key, value) -> assertThat(list.json().get("items").get(0).get(key).asString()).isEqualTo(value));
		assertThat(catalog.byCode(code)).hasValueSatisfying(info -> assertThat(info.unit()).isEqualTo("%LEL"));
	}

	@Test
	void enterpriseMayTightenButNotLoosenADefaultThreshold() {
		Map<String, Object> tighter = RegistryFixture.gasSensor(f.code("tight"), segment);
		tighter.put("thresholds", Map.of("high", 20));
		Api.Response ok = f.as("m1").post("/api/v1/sensors", tighter);
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		assertThat(ok.json().get("thresholds").toString()).isEqualTo("{\"high\":20.0,\"highHigh\":50.0}");

		Map<String, Object> looser = RegistryFixture.gasSensor(f.code("loose"), segment);
		looser.put("thresholds", Map.of("high", 30));
		Api.Response refused = f.as("m1").post("/api/v1/sensors", looser);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("field").asString()).isEqualTo("thresholds.high");
		assertThat(refused.json().get("detail").asString()).contains("default 25.0");

		Map<String, Object> oxygen = new HashMap<>(Map.of("code", f.code("o2"), "name", "氧气", "type", "oxygen",
				"asset", segment, "thresholds", Map.of("low", 19.0)));
		Api.Response oxygenRefused = f.admin.post("/api/v1/sensors", oxygen);
		assertThat(oxygenRefused.json().get("field").asString()).isEqualTo("thresholds.low");
		assertThat(f.admin.get("/api/v1/sensors/" + f.code("o2")).status()).isEqualTo(404);
		assertThat(f.admin.get("/api/v1/sensors/" + f.code("loose")).status()).isEqualTo(404);
	}

	@Test
	void badSensorInputIsRefusedNamingTheField() {
		Map<String, Object> sensor = RegistryFixture.gasSensor(f.code("bad"), segment);
		assertProblem(AssetApiTests.with(sensor, "type", "telepathy"), "type", "combustible_gas");
		assertProblem(AssetApiTests.with(sensor, "unit", "ppm"), "unit", "%LEL");
		assertProblem(AssetApiTests.with(sensor, "asset", "nope-" + f.s), "asset");
		assertProblem(AssetApiTests.with(sensor, "lon", 117.7), "lat", "both");
		assertProblem(AssetApiTests.with(AssetApiTests.with(sensor, "lon", 500.0), "lat", 39.0), "lon", "longitude");
		assertProblem(AssetApiTests.with(AssetApiTests.with(sensor, "lon", 117.0), "lat", -91.0), "lat", "latitude");
		assertProblem(AssetApiTests.with(sensor, "intervalSeconds", 0), "intervalSeconds");
		assertProblem(AssetApiTests.with(sensor, "enterprise", f.e2), "asset");
		Api.Response mistyped = f.admin.post("/api/v1/sensors", AssetApiTests.with(sensor, "intervalSeconds", "often"));
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.json().get("field").asString()).isEqualTo("intervalSeconds");

		f.admin.post("/api/v1/sensors", sensor);
		Api.Response duplicate = f.admin.post("/api/v1/sensors", sensor);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("field").asString()).isEqualTo("code");
	}

	@Test
	void toxicGasInPpmStatesItsOwnThresholds() {
		Map<String, Object> h2s = new HashMap<>(Map.of("code", f.code("h2s"), "name", "硫化氢", "type", "toxic_gas",
				"unit", "ppm", "asset", segment, "thresholds", Map.of("high", 10, "highHigh", 20)));

		Api.Response created = f.admin.post("/api/v1/sensors", h2s);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("thresholds").toString()).isEqualTo("{\"high\":10.0,\"highHigh\":20.0}");
	}

	@Test
	void changingASensorIsAuditedAndSeenByTheCatalog() {
		String code = f.code("chg");
		f.admin.post("/api/v1/sensors", RegistryFixture.gasSensor(code, segment));
		assertThat(catalog.byCode(code)).isPresent();

		Map<String, Object> change = AssetApiTests.with(RegistryFixture.gasSensor(code, segment), "intervalSeconds", 5);
		Api.Response updated = f.as("m1").put("/api/v1/sensors/" + code, change);
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(catalog.byCode(code).orElseThrow().intervalSeconds()).isEqualTo(5);

		assertThat(f.as("m1").delete("/api/v1/sensors/" + code).status()).isEqualTo(204);
		assertThat(catalog.byCode(code)).isEmpty();
		List<String> actions = f.admin.get("/api/v1/audit?entityType=sensor&entityKey=" + code).json().get("items")
			.valueStream().map(e -> e.get("action").asString()).toList();
		assertThat(actions).containsExactly("delete", "update", "create");
	}

	@Test
	void changesArePublishedForCachesElsewhere(ApplicationEvents events) {
		CurrentUser system = new CurrentUser(0, "test", "test", Role.PLATFORM_ADMIN, null, DataScope.EVERYTHING);
		String code = f.code("evt");

		registry.create(system, new NewSensor(code, "evt", "oxygen", null, segment, null, null, null, null, null, null,
				null));

		assertThat(events.stream(RegistryChanged.class)).containsExactly(new RegistryChanged("sensor", code, "create"));
	}

	private void assertProblem(Map<String, Object> body, String field, String... detail) {
		Api.Response response = f.admin.post("/api/v1/sensors", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).as(response.toString()).isEqualTo(field);
		for (String expected : detail) {
			assertThat(response.json().get("detail").asString()).contains(expected);
		}
	}
}
