package io.vigil.registry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class EmergencyAndConstructionTests {

	@LocalServerPort
	int port;

	@Autowired
	ConstructionWorks works;

	RegistryFixture f;

	@BeforeEach
	void tree() {
		f = new RegistryFixture(port);
	}

	@Test
	void emergencyResourcesAreRegisteredValidatedScopedAndAudited() {
		String code = f.code("fs");
		Map<String, Object> station = new HashMap<>(Map.of("code", code, "name", "消防站", "type", "fire_station",
				"organisation", "j1" + f.s, "lon", 117.71, "lat", 39.02, "capacity", "3 engines", "phone", "119"));

		Api.Response created = f.as("jo").post("/api/v1/emergency-resources", station);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		// The region lies outside an enterprise manager's scope, so to them it does not exist.
		assertThat(f.as("m1").post("/api/v1/emergency-resources", AssetApiTests.with(station, "code", f.code("x")))
			.json().get("field").asString()).isEqualTo("organisation");
		assertThat(f.as("o1").post("/api/v1/emergency-resources", AssetApiTests.with(AssetApiTests.with(station, "code",
				f.code("y")), "organisation", f.e1)).status()).isEqualTo(403);
		assertThat(f.admin.post("/api/v1/emergency-resources", AssetApiTests.with(station, "type", "spa")).json()
			.get("field").asString()).isEqualTo("type");
		assertThat(f.admin.post("/api/v1/emergency-resources", AssetApiTests.with(station, "lat", 95.0)).json()
			.get("field").asString()).isEqualTo("lat");
		assertThat(f.admin.post("/api/v1/emergency-resources", station).status()).isEqualTo(409);
		assertThat(f.as("m2").get("/api/v1/emergency-resources/" + code).status()).isEqualTo(404);
		assertThat(f.as("jo").get("/api/v1/emergency-resources?type=fire_station").json().get("total").asInt())
			.isEqualTo(1);
		assertThat(f.admin.get("/api/v1/audit?entityType=emergency_resource&entityKey=" + code).json().get("items"))
			.hasSize(1);
	}

	@Test
	void activeConstructionWorksAreFoundNearAPointOnlyInsideTheirTimeWindow() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String code = f.code("dig");
		Map<String, Object> work = new HashMap<>(Map.of("code", code, "name", "道路开挖", "organisation", "j1" + f.s,
				"contractor", "某建设公司", "permit", "P-2026-001", "startsAt", now.minusSeconds(3600).toString(), "endsAt",
				now.plusSeconds(3600).toString()));
		// A square of about 110 m × 85 m near 39° N.
		work.put("geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(150.0, 39.0),
				List.of(150.001, 39.0), List.of(150.001, 39.001), List.of(150.0, 39.001), List.of(150.0, 39.0)))));

		Api.Response created = f.admin.post("/api/v1/construction-works", work);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		assertThat(works.activeNear(150.0005, 39.0005, now, 0)).extracting(ConstructionWork::code).containsExactly(code);
		assertThat(works.activeNear(150.003, 39.0005, now, 100)).isEmpty(); // ~173 m east of the edge
		assertThat(works.activeNear(150.003, 39.0005, now, 200)).extracting(ConstructionWork::code).containsExactly(code);
		assertThat(works.activeNear(150.0005, 39.0005, now.plusSeconds(7200), 0)).isEmpty();
		assertThat(f.as("jo").get("/api/v1/construction-works/near?lon=150.0005&lat=39.0005&within=10").json()
			.get("items")).hasSize(1);
		assertThat(f.as("m2").get("/api/v1/construction-works/near?lon=150.0005&lat=39.0005&within=10").json()
			.get("items")).isEmpty();

		Api.Response backwards = f.admin.post("/api/v1/construction-works", AssetApiTests.with(AssetApiTests.with(work,
				"code", f.code("dig2")), "endsAt", now.minusSeconds(7200).toString()));
		assertThat(backwards.json().get("field").asString()).isEqualTo("endsAt");
		Api.Response line = f.admin.post("/api/v1/construction-works", AssetApiTests.with(AssetApiTests.with(work, "code",
				f.code("dig3")), "geometry", Map.of("type", "Point", "coordinates", List.of(150.0, 39.0))));
		assertThat(line.json().get("field").asString()).isEqualTo("geometry.type");
	}
}
