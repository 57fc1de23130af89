package io.vigil.detection;

import java.time.Duration;

import io.vigil.VigilTest;
import io.vigil.detection.internal.DetectionEngine;
import io.vigil.detection.internal.ReadingFeed;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Rule state is saved at stop and restored at start, so an on-delay in progress survives a restart. */
@VigilTest
class DetectionRestartTests {

	@LocalServerPort
	int port;

	@Autowired
	DetectionEngine engine;

	@Autowired
	ReadingFeed feed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOnDelayInProgressContinuesAfterARestart() throws InterruptedException {
		DetectionWorld world = new DetectionWorld(port);
		String gas = world.sensor("g", "combustible_gas");
		world.send(gas, 2, "N");
		world.send(gas, 35, "N"); // first of the two readings the on-delay needs
		feed.settle(Duration.ofSeconds(10));
		assertThat(world.activeRules(gas)).doesNotContain("threshold");

		engine.stop(); // saves the state to the database
		engine.start(); // a fresh runner restored from it
		world.send(gas, 36, "N");

		assertThat(world.awaitWarning(gas, "threshold", Duration.ofSeconds(5)).path("level").asString()).isEqualTo("yellow");
	}

	@Test
	void aSnapshotThatCannotBeReadIsLoggedAndDetectionStartsFresh() throws InterruptedException {
		DetectionWorld world = new DetectionWorld(port);
		String gas = world.sensor("g", "combustible_gas");
		world.send(gas, 2, "N");
		feed.settle(Duration.ofSeconds(10));

		engine.stop();
		assertThat(jdbc.sql("update detection_state set state = :junk where id = 1").param("junk", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })
			.update()).isEqualTo(1);
		engine.start();
		assertThat(engine.isRunning()).isTrue();
		world.send(gas, 35, "N");
		world.send(gas, 36, "N");

		assertThat(world.awaitWarning(gas, "threshold", Duration.ofSeconds(5)).path("level").asString()).isEqualTo("yellow");
	}
}
