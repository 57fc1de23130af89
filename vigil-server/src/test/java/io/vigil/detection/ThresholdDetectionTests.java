package io.vigil.detection;

import java.time.Duration;

import io.vigil.VigilTest;
import io.vigil.detection.internal.DetectionEngine;
import io.vigil.detection.internal.ReadingFeed;
import io.vigil.ingest.Eventually;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Readings over HTTP → stored → engine → warning, with the default rules derived from the domain pack. */
@VigilTest
class ThresholdDetectionTests {

	@LocalServerPort
	int port;

	@Autowired
	DetectionEngine engine;

	@Autowired
	ReadingFeed feed;

	DetectionWorld world;

	@BeforeEach
	void world() {
		world = new DetectionWorld(port);
	}

	@Test
	void readingsAboveTheFirstGasAlarmRaiseAYellowWarningWithinASecond() {
		String gas = world.sensor("gas", "combustible_gas");
		world.send(gas, 3, "N");
		engineKnows(gas);

		world.send(gas, 31, "N");
		world.send(gas, 32, "N"); // the default on-delay is two readings
		JsonNode warning = world.awaitWarning(gas, "threshold", Duration.ofSeconds(1));

		assertThat(warning.path("level").asString()).isEqualTo("yellow");
		assertThat(warning.path("ruleKind").asString()).isEqualTo("threshold");
		assertThat(warning.path("asset").asString()).isEqualTo(world.segment);
	}

	@Test
	void oneReadingAboveTheLimitIsNotEnough() {
		String gas = world.sensor("gas1", "combustible_gas");
		world.send(gas, 3, "N");
		world.send(gas, 60, "N");
		world.send(gas, 3, "N");
		settle();
		world.send(gas, 2, "N");
		settle();

		assertThat(world.activeRules(gas)).doesNotContain("threshold");
	}

	@Test
	void secondAlarmLevelRaisesTheWarningToOrange() {
		String gas = world.sensor("gas2", "combustible_gas");
		world.send(gas, 30, "N");
		world.send(gas, 30, "N");
		world.awaitWarning(gas, "threshold", Duration.ofSeconds(5));
		world.send(gas, 55, "N");
		world.send(gas, 56, "N");

		Eventually.within(Duration.ofSeconds(5), () -> assertThat(world.awaitWarning(gas, "threshold", Duration.ZERO)
			.path("level").asString()).isEqualTo("orange"));
	}

	@Test
	void outOfRangeReadingRaisesADataQualityWarningNotAProcessOne() {
		String gas = world.sensor("gas3", "combustible_gas");
		world.send(gas, 150, "N"); // the detector's range is 0..100 %LEL
		world.send(gas, 160, "N");

		JsonNode warning = world.awaitWarning(gas, "data_quality:range", Duration.ofSeconds(5));
		assertThat(warning.path("ruleKind").asString()).isEqualTo("data_quality");
		settle();
		assertThat(world.activeRules(gas)).doesNotContain("threshold");
	}

	@Test
	void invalidFlaggedReadingRaisesADataQualityWarningAndNoThreshold() {
		String gas = world.sensor("gas4", "combustible_gas");
		world.send(gas, 80, "D"); // HJ 212 D: instrument fault
		world.send(gas, 80, "D");

		JsonNode warning = world.awaitWarning(gas, "data_quality:invalid", Duration.ofSeconds(5));
		assertThat(warning.path("ruleKind").asString()).isEqualTo("data_quality");
		settle();
		assertThat(world.activeRules(gas)).doesNotContain("threshold");
	}

	@Test
	void oxygenBelowTheBandIsOrange() {
		String oxygen = world.sensor("o2", "oxygen");
		world.send(oxygen, 18.0, "N");
		world.send(oxygen, 17.9, "N");

		assertThat(world.awaitWarning(oxygen, "threshold", Duration.ofSeconds(5)).path("level").asString()).isEqualTo("orange");
	}

	private void engineKnows(String sensor) {
		settle();
		assertThat(engine.knows(sensor)).isTrue();
	}

	private void settle() {
		try {
			feed.settle(Duration.ofSeconds(10));
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
