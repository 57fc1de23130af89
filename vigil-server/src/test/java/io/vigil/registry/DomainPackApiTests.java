package io.vigil.registry;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class DomainPackApiTests {

	@LocalServerPort
	int port;

	@Test
	void anySignedInUserReadsPacksAndTypes() {
		RegistryFixture f = new RegistryFixture(port);
		Api operator = f.as("o1");

		assertThat(operator.get("/api/v1/domain-packs").json().get("items").valueStream()
			.map(p -> p.get("code").asString())).contains("hazchem_pipeline", "gas", "water", "fire");
		JsonNode sensorTypes = operator.get("/api/v1/sensor-types?domain=hazchem_pipeline").json().get("items");
		JsonNode gas = sensorTypes.valueStream().filter(t -> t.get("code").asString().equals("combustible_gas"))
			.findFirst().orElseThrow();
		assertThat(gas.get("unit").asString()).isEqualTo("%LEL");
		assertThat(gas.get("thresholds").get("highHigh").asDouble()).isEqualTo(50.0);
		assertThat(operator.get("/api/v1/asset-types?domain=fire").json().get("items").valueStream()
			.map(t -> t.get("code").asString())).contains("building").doesNotContain("pipeline");
		assertThat(Api.at(port).get("/api/v1/sensor-types").status()).isEqualTo(401);
	}
}
