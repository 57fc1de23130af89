package io.vigil.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo as the design page promises it to outside checks: users, keys, sensors, simulated data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigil.data-dir=${java.io.tmpdir}/vigil-demo-test-${random.uuid}", "vigil.demo=true",
				"vigil.simulator.interval=1s", "vigil.ingest.mqtt.port=0", "vigil.ingest.hj212.port=0" })
class BinhaiDemoTests {

	@LocalServerPort
	int port;

	@Test
	void everyDemoUserLogsInWithTheDemoPassword() {
		for (String user : List.of("admin", "duty", "binhai", "tanggu", "hazchem", "dgpc", "ngcl", "tdgas", "tgchem",
				"xgport")) {
			assertThat(Api.at(port).as(user, "demo").get("/api/v1/auth/me").status()).as(user).isEqualTo(200);
		}
	}

	@Test
	void enterprisesSeeTheirSensorsWithCombustibleGasInLel() {
		Api.Response sensors = Api.at(port).as("dgpc", "demo").get("/api/v1/sensors?enterprise=dgpc&page=0&size=100");

		assertThat(sensors.status()).isEqualTo(200);
		assertThat(sensors.json().get("total").asInt()).isGreaterThan(10);
		assertThat(sensors.json().get("items").valueStream()
			.filter(s -> s.get("type").asString().equals("combustible_gas")).map(s -> s.get("unit").asString()))
			.isNotEmpty().allMatch("%LEL"::equals);
		assertThat(Api.at(port).as("dgpc", "demo").get("/api/v1/sensors?enterprise=xgport").json().get("total").asInt())
			.isZero();
	}

	@Test
	void theDemoKeyPushesReadingsAndTheSimulatorKeepsDataFlowing() {
		// Half a second off the simulator's whole seconds, so this reading is not a duplicate of a simulated one.
		Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusMillis(500);
		String now = ts.toString();
		Api.Response pushed = Api.at(port).withApiKey("demo-dgpc").post("/api/v1/readings",
				Map.of("readings", List.of(Map.of("sensor", "PL-DG01-S1-TT", "ts", now, "value", 21.5, "flag", "N"))));

		assertThat(pushed.status()).isEqualTo(202);
		assertThat(pushed.json().get("accepted").asInt()).isEqualTo(1);
		Api duty = Api.at(port).as("duty", "demo");
		assertThat(duty.get("/api/v1/sensors/PL-DG01-S1-TT/readings?from=" + now + "&to=" + ts.plusSeconds(1)).body())
			.contains("21.5");
		assertThat(duty.get("/api/v1/sensors/TK-XG01-GAS/readings").json().get("items")).isNotEmpty();
	}

	@Test
	void theMapHasEmergencyResourcesConstructionAndADutyOfficerOnShift() {
		Api duty = Api.at(port).as("duty", "demo");

		assertThat(duty.get("/api/v1/emergency-resources").json().get("total").asInt()).isEqualTo(5);
		assertThat(duty.get("/api/v1/construction-works").json().get("total").asInt()).isEqualTo(1);
		assertThat(duty.get("/api/v1/duty/desk").json().get("onDuty").toString()).contains("duty");
	}
}
