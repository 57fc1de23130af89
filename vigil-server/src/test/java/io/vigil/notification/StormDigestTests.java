package io.vigil.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.notification.internal.Messages;
import io.vigil.warning.ConditionReport;
import io.vigil.warning.FixedClockConfig;
import io.vigil.warning.WarningIntake;
import io.vigil.warning.WarningLevel;
import io.vigil.warning.WarningWorld;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationTest
class StormDigestTests {

	@LocalServerPort
	int port;

	@Autowired
	WarningIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void tenThousandSilentSensorsPushNothingInsideAnOutageAndOneDigestPerRecipientOutsideOne() {
		Instant t0 = Instant.parse("2026-03-03T02:00:00Z");
		FixedClockConfig.CLOCK.set(t0);
		WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
		List<Long> declared = world.sensors("quiet", "ent", 10_000);
		List<Long> undeclared = world.sensors("loud", "ent2", 10_000);
		Api.Response outage = world.as(port, "manager").post("/api/v1/outages", Map.of("enterprise", world.code("ent"),
				"scope", "enterprise", "from", t0.minusSeconds(3600).toString(), "to", t0.plusSeconds(7200).toString(),
				"reason", "全厂停车检修 / plant shutdown"));
		assertThat(outage.status()).as(outage.toString()).isEqualTo(201);
		long outageId = outage.json().get("id").asLong();
		assertThat(world.as(port, "other").post("/api/v1/outages/" + outageId + "/approve", Map.of()).status())
			.as("an enterprise cannot approve").isIn(403, 404);
		assertThat(world.as(port, "reg").post("/api/v1/outages/" + outageId + "/approve", Map.of("note", "同意")).status())
			.isEqualTo(200);

		intake.reportAll(silence(declared, world.id("ent"), t0));
		intake.reportAll(silence(undeclared, world.id("ent2"), t0));

		assertThat(count("select count(*) from warnings where enterprise_id = :e and suppressed_by is not null "
				+ "and status = 'raised'", world.id("ent"))).as("recorded, not pushed").isEqualTo(10_000);
		assertThat(count("select count(*) from notices n join warnings w on w.id = n.warning_id where w.enterprise_id = :e",
				world.id("ent"))).isZero();
		assertThat(messages.flushDigests()).as("the first digest waits for the storm to gather").isZero();

		FixedClockConfig.CLOCK.set(t0.plus(Duration.ofSeconds(31)));
		messages.flushDigests();

		List<Map<String, Object>> sent = jdbc.sql("""
				select m.recipient, m.notice_count from messages m where m.recipient in (
				    select distinct n.recipient from notices n join warnings w on w.id = n.warning_id
				    where w.enterprise_id = :e)""")
			.param("e", world.id("ent2")).query().listOfRows();
		assertThat(sent).extracting(r -> r.get("recipient")).containsExactlyInAnyOrder("user:" + world.code("other"),
				"user:" + world.code("street"), "user:" + world.code("reg"));
		assertThat(sent).allSatisfy(r -> assertThat(((Number) r.get("notice_count")).intValue()).isEqualTo(10_000));
		assertThat(messages.flushDigests()).as("nothing left to send").isZero();
	}

	@Test
	void silenceThatOutlastsTheOutageWindowIsPushedWhenTheWindowEnds() {
		Instant t0 = Instant.parse("2026-03-04T02:00:00Z");
		FixedClockConfig.CLOCK.set(t0);
		WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
		List<Long> sensors = world.sensors("overrun", "ent", 3);
		Api.Response outage = world.as(port, "manager").post("/api/v1/outages", Map.of("enterprise", world.code("ent"),
				"scope", "enterprise", "from", t0.minusSeconds(600).toString(), "to", t0.plusSeconds(1800).toString(),
				"reason", "检修 / maintenance"));
		long outageId = outage.json().get("id").asLong();
		assertThat(world.as(port, "reg").post("/api/v1/outages/" + outageId + "/approve", Map.of()).status())
			.isEqualTo(200);
		intake.reportAll(silence(sensors, world.id("ent"), t0));

		FixedClockConfig.CLOCK.set(t0.plusSeconds(1799));
		assertThat(intake.releaseEndedOutages()).as("still inside the window").isZero();
		FixedClockConfig.CLOCK.set(t0.plusSeconds(1801));
		assertThat(intake.releaseEndedOutages()).as("the window ended; the sensors are still silent").isEqualTo(3);

		assertThat(count("select count(*) from warnings where enterprise_id = :e and suppressed_by is null "
				+ "and status = 'pushed' and object_key like 'sensor:%'", world.id("ent"))).isEqualTo(3);
		assertThat(count("select count(*) from notices n join warnings w on w.id = n.warning_id where w.enterprise_id = :e",
				world.id("ent"))).as("the recipients are told now").isPositive();
		assertThat(intake.releaseEndedOutages()).as("released once").isZero();
	}

	private long count(String sql, long enterprise) {
		return jdbc.sql(sql).paramSource(Map.of("e", enterprise)).query(Long.class).single();
	}

	private static List<ConditionReport> silence(List<Long> sensors, long enterprise, Instant at) {
		return sensors.stream()
			.map(s -> new ConditionReport(ConditionReport.Kind.RAISED, s, null, enterprise, "interruption", "interruption",
					null, WarningLevel.YELLOW, Double.NaN, Double.NaN, "数据中断", "no data for 3 intervals", Map.of(), true,
					at))
			.toList();
	}
}
