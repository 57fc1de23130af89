package io.vigil.registry;

import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Assets and sensors are seen and changed only inside the caller's data scope, and only by writers. */
@VigilTest
class RegistryAccessTests {

	@LocalServerPort
	int port;

	RegistryFixture f;

	String asset2;

	String sensor2;

	@BeforeEach
	void tree() {
		f = new RegistryFixture(port);
		asset2 = f.code("seg2");
		sensor2 = f.code("gas2");
		f.createSegment(f.as("m2"), asset2, f.e2);
		assertThat(f.as("m2").post("/api/v1/sensors", RegistryFixture.gasSensor(sensor2, asset2)).status()).isEqualTo(201);
	}

	@Test
	void anEnterpriseCannotReadOrChangeAnotherEnterprisesAssetsAndSensors() {
		Api other = f.as("m1");
		String assetBefore = f.admin.get("/api/v1/assets/" + asset2).body();
		String sensorBefore = f.admin.get("/api/v1/sensors/" + sensor2).body();

		assertThat(other.get("/api/v1/assets/" + asset2).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/sensors/" + sensor2).status()).isEqualTo(404);
		assertThat(other.get("/api/v1/assets?enterprise=" + f.e2).json().get("total").asInt()).isZero();
		assertThat(other.get("/api/v1/sensors?enterprise=" + f.e2).json().get("total").asInt()).isZero();
		assertThat(other.get("/api/v1/assets/export?format=geojson").body()).doesNotContain(asset2);

		Map<String, Object> renamed = AssetApiTests.with(RegistryFixture.segment(asset2, f.e2), "name", "hijacked");
		assertThat(other.put("/api/v1/assets/" + asset2, renamed).status()).isIn(403, 404);
		assertThat(other.delete("/api/v1/assets/" + asset2).status()).isIn(403, 404);
		Map<String, Object> sensorChange = AssetApiTests.with(RegistryFixture.gasSensor(sensor2, asset2), "name", "hijacked");
		assertThat(other.put("/api/v1/sensors/" + sensor2, sensorChange).status()).isIn(403, 404);
		assertThat(other.delete("/api/v1/sensors/" + sensor2).status()).isIn(403, 404);
		assertThat(other.post("/api/v1/assets", RegistryFixture.segment(f.code("planted"), f.e2)).status()).isIn(400, 403);
		assertThat(other.post("/api/v1/sensors", RegistryFixture.gasSensor(f.code("planted"), asset2)).status())
			.isIn(400, 403);

		assertThat(f.admin.get("/api/v1/assets/" + asset2).body()).isEqualTo(assetBefore);
		assertThat(f.admin.get("/api/v1/sensors/" + sensor2).body()).isEqualTo(sensorBefore);
		assertThat(f.admin.get("/api/v1/assets/" + f.code("planted")).status()).isEqualTo(404);
		assertThat(f.admin.get("/api/v1/sensors/" + f.code("planted")).status()).isEqualTo(404);
	}

	@Test
	void operatorReadsButDoesNotWriteAndJurisdictionOfficerWritesInsideItsSubtree() {
		String own = f.code("own");
		f.createSegment(f.as("m1"), own, f.e1);
		Api operator = f.as("o1");
		assertThat(operator.get("/api/v1/assets/" + own).status()).isEqualTo(200);
		assertThat(operator.post("/api/v1/assets", RegistryFixture.segment(f.code("op"), f.e1)).status()).isEqualTo(403);
		assertThat(operator.delete("/api/v1/assets/" + own).status()).isEqualTo(403);
		assertThat(f.admin.get("/api/v1/assets/" + own).status()).isEqualTo(200);

		Api officer = f.as("jo");
		assertThat(officer.post("/api/v1/assets", RegistryFixture.segment(f.code("jo"), f.e1)).status()).isEqualTo(201);
		assertThat(officer.get("/api/v1/assets/" + asset2).status()).isEqualTo(404);
		assertThat(officer.post("/api/v1/assets", RegistryFixture.segment(f.code("jo2"), f.e2)).status()).isEqualTo(400);
	}
}
