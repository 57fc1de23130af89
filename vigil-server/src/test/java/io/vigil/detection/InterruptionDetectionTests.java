package io.vigil.detection;

import java.time.Duration;

import io.vigil.VigilTest;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Data interruption from the default rules: 3 × the reporting interval without a reading, judged on timer ticks. */
@VigilTest
class InterruptionDetectionTests {

	@LocalServerPort
	int port;

	@Test
	void aSensorThatStopsReportingGoesOfflineAsABlueDataWarningAndRecoversWithTheNextReading() {
		DetectionWorld world = new DetectionWorld(port);
		String gas = world.sensor("quiet", "combustible_gas", 1);
		world.send(gas, 1, "N");

		JsonNode offline = world.awaitWarning(gas, "interruption", Duration.ofSeconds(15)); // 3 s silence + a 5 s tick
		assertThat(offline.path("level").asString()).isEqualTo("blue");
		assertThat(offline.path("ruleKind").asString()).isEqualTo("interruption");

		world.send(gas, 1, "N");
		io.vigil.ingest.Eventually.within(Duration.ofSeconds(5),
				() -> assertThat(world.activeRules(gas)).doesNotContain("interruption"));
	}
}
