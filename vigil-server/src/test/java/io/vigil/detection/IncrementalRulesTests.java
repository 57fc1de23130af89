package io.vigil.detection;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.detection.internal.DetectionEngine;
import io.vigil.detection.internal.ReadingFeed;
import io.vigil.ingest.Eventually;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New and changed sensors are compiled into the rules in force on their own: judged at once, without a build
 * of the whole registry, and without disturbing the states of the sensors already watched.
 */
@VigilTest
class IncrementalRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	DetectionEngine engine;

	@Autowired
	ReadingFeed feed;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	DetectionWorld world;

	@BeforeEach
	void world() {
		world = new DetectionWorld(port);
		settle();
	}

	@Test
	void aSensorCreatedWhileReadingsFlowIsJudgedWithoutAFullBuild() {
		String running = world.sensor("flow", "combustible_gas");
		world.send(running, 3, "N");
		settle();
		double full = fullBuilds(), incremental = builds("incremental");

		String created = world.sensor("new", "combustible_gas");
		world.send(running, 4, "N");
		world.send(created, 31, "N");
		world.send(created, 32, "N");

		world.awaitWarning(created, "threshold", Duration.ofSeconds(5));
		assertThat(fullBuilds()).isEqualTo(full);
		assertThat(builds("incremental")).isGreaterThan(incremental);
	}

	@Test
	void aChangedSetPointAppliesAtOnce() {
		String gas = world.sensor("tight", "combustible_gas");
		world.send(gas, 20, "N");
		world.send(gas, 20, "N");
		settle();
		assertThat(world.activeRules(gas)).doesNotContain("threshold"); // the type's first alarm is 25 %LEL
		double full = fullBuilds(), incremental = builds("incremental");

		Api.Response r = world.admin.put("/api/v1/sensors/" + gas, Map.of("name", "tight", "type", "combustible_gas",
				"asset", world.segment, "thresholds", Map.of("high", 15, "highHigh", 50)));
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		Eventually.within(Duration.ofSeconds(5), () -> assertThat(builds("incremental")).isGreaterThan(incremental));
		world.send(gas, 20, "N");
		world.send(gas, 20, "N");

		world.awaitWarning(gas, "threshold", Duration.ofSeconds(5));
		assertThat(fullBuilds()).isEqualTo(full);
	}

	@Test
	void statesOfOtherSensorsSurviveAnIncrementalChange() {
		String watched = world.sensor("watched", "combustible_gas");
		world.send(watched, 3, "N");
		world.send(watched, 31, "N"); // first of the two readings the on-delay asks for
		settle();
		double incremental = builds("incremental");

		String created = world.sensor("other", "combustible_gas");
		Eventually.within(Duration.ofSeconds(5), () -> assertThat(engine.knows(created)).isTrue());
		assertThat(builds("incremental")).isGreaterThan(incremental);
		world.send(watched, 32, "N"); // second: raises only if the on-delay's count was kept

		world.awaitWarning(watched, "threshold", Duration.ofSeconds(5));
	}

	@Test
	void aSensorWrittenStraightIntoTheDatabaseIsPickedUpWithoutAFullBuild() {
		double full = fullBuilds();
		String code = "sql-" + world.s;
		jdbc.sql("""
				insert into sensors (code, name, type, enterprise_id, unit, interval_seconds)
				select :code, :code, 'combustible_gas', id, '%LEL', 60 from organisations where code = :enterprise""")
			.param("code", code).param("enterprise", world.enterprise).update();

		// no event and no reading: the periodic look at the registry finds it
		Eventually.within(Duration.ofSeconds(30), () -> assertThat(engine.knows(code)).isTrue());
		assertThat(fullBuilds()).isEqualTo(full);
	}

	/** Full builds caused by anything but the periodic safety net, which may fall into any test. */
	private double fullBuilds() {
		return meters.find("vigil.detection.rules.builds").tag("kind", "full").counters().stream()
			.filter(c -> !"schedule".equals(c.getId().getTag("cause"))).mapToDouble(c -> c.count()).sum();
	}

	private double builds(String kind) {
		return meters.find("vigil.detection.rules.builds").tag("kind", kind).counters().stream().mapToDouble(c -> c.count()).sum();
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
