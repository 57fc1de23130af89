package io.vigil.warning;

import java.time.Instant;
import java.util.Map;

import io.vigil.Api;
import io.vigil.notification.NotificationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@NotificationTest
class WarningScopeTests {

	@LocalServerPort
	int port;

	@Autowired
	WarningIntake intake;

	@Autowired
	JdbcClient jdbc;

	@Test
	void enterprisesSeeAndHandleOnlyTheirOwnAndRegulatorsOnlyTheirIndustries() {
		Instant t0 = Instant.parse("2026-03-06T02:00:00Z");
		FixedClockConfig.CLOCK.set(t0);
		WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
		world.org("mine", "enterprise", world.code("street"), java.util.List.of("mining"), null);
		long own = raise(world.sensor("a", "ent", null), world.id("ent"), t0);
		long neighbour = raise(world.sensor("b", "ent2", null), world.id("ent2"), t0);
		long mining = raise(world.sensor("c", "mine", null), world.id("mine"), t0);
		Api other = world.as(port, "other");

		assertThat(other.get("/api/v1/warnings/" + own).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/warnings/" + own + "/acknowledge", Map.of("note", "x")).status()).isEqualTo(404);
		assertThat(other.post("/api/v1/warnings/" + own + "/clear", Map.of("reason", "false_alarm")).status())
			.isEqualTo(404);
		assertThat(other.get("/api/v1/warnings/" + own + "/deliveries").status()).isEqualTo(404);
		assertThat(ids(other.get("/api/v1/warnings?state=active"))).contains(neighbour).doesNotContain(own, mining);

		assertThat(ids(world.as(port, "reg").get("/api/v1/warnings?jurisdiction=" + world.code("district"))))
			.contains(own, neighbour).doesNotContain(mining);
		assertThat(ids(world.as(port, "miner").get("/api/v1/warnings"))).contains(mining).doesNotContain(own, neighbour);
		assertThat(ids(world.as(port, "street").get("/api/v1/warnings?level=orange"))).contains(own, neighbour, mining);
		assertThat(world.as(port, "reg").post("/api/v1/warnings/" + own + "/acknowledge", Map.of()).status())
			.as("regulators supervise, enterprises handle").isEqualTo(403);

		Api.Response skipped = world.as(port, "operator").post("/api/v1/warnings/" + own + "/clear",
				Map.of("reason", "handled"));
		assertThat(skipped.status()).isEqualTo(409);
		assertThat(skipped.json().get("detail").asString()).contains("pushed");
		assertThat(world.as(port, "operator").post("/api/v1/warnings/" + own + "/acknowledge", Map.of()).status())
			.isEqualTo(200);
		assertThat(world.as(port, "operator").post("/api/v1/warnings/" + own + "/clear", Map.of("reason", "bogus"))
			.status()).isEqualTo(400);
		Api.Response supervised = world.as(port, "reg").post("/api/v1/warnings/" + own + "/supervise",
				Map.of("note", "请于今日内完成整改"));
		assertThat(supervised.status()).isEqualTo(200);
		assertThat(supervised.json().get("followups").get(0).get("kind").asString()).isEqualTo("supervision");

		Api.Response desk = world.as(port, "officer1").get("/api/v1/duty/desk");
		assertThat(desk.status()).as(desk.toString()).isEqualTo(200);
		assertThat(desk.json().get("activeByLevel").get("orange").asLong()).isGreaterThanOrEqualTo(3);
		Api.Response call = world.as(port, "officer1").post("/api/v1/duty/log",
				Map.of("kind", "phone", "text", "已电话联系企业值班长", "warning", own));
		assertThat(call.status()).as(call.toString()).isEqualTo(201);
		assertThat(world.as(port, "manager").get("/api/v1/warnings/" + own).body()).contains("已电话联系企业值班长");
	}

	private long raise(long sensor, long enterprise, Instant at) {
		return intake.report(WarningWorld.report(ConditionReport.Kind.RAISED, sensor, enterprise, "pressure-high",
				"threshold", WarningLevel.ORANGE, false, at)).getAsLong();
	}

	private static java.util.List<Long> ids(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		java.util.List<Long> ids = new java.util.ArrayList<>();
		response.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}
}
