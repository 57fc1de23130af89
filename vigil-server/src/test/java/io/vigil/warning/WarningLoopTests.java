package io.vigil.warning;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.vigil.Api;
import io.vigil.VigilApplication;
import io.vigil.notification.internal.DeliveryWorker;
import io.vigil.warning.internal.WarningEscalation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop on PostgreSQL with a hand-moved clock, across a real restart of the application on
 * the same data directory: routing by level, each escalation step exactly once, then handling to 消警.
 */
class WarningLoopTests {

	static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

	static Path dataDir;

	static HttpServer smsGateway;

	static final List<String> sms = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void gateway() throws IOException {
		dataDir = Files.createTempDirectory("vigil-loop");
		smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		smsGateway.createContext("/sms", exchange -> {
			sms.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		smsGateway.start();
	}

	@AfterAll
	static void stop() {
		smsGateway.stop(0);
	}

	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(VigilApplication.class, FixedClockConfig.class).run(
				"--vigil.data-dir=" + dataDir, "--server.port=0", "--vigil.demo=false",
				"--vigil.organisation.admin-username=admin", "--vigil.organisation.admin-password=admin-password",
				"--vigil.warning.scheduler=false", "--vigil.notification.scheduler=false",
				"--vigil.ingest.mqtt.port=0", "--vigil.ingest.hj212.port=0",
				"--vigil.notification.sms.url=http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms");
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void redLeakReachesEveryoneEscalatesOnceAtEachDeadlineSurvivesARestartAndIsHandledToTheEnd() {
		FixedClockConfig.CLOCK.set(T0);
		ConfigurableApplicationContext first = start();
		int port = port(first);
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		WarningWorld world = new WarningWorld(Api.at(port).as("admin", "admin-password"), jdbc).standard();
		Api officer = world.as(port, "officer1");
		assertThat(officer.post("/api/v1/duty/shifts", Map.of("dutyCenter", world.code("duty"), "username",
				world.code("officer1"), "from", T0.minus(Duration.ofHours(1)).toString(), "to",
				T0.plus(Duration.ofHours(12)).toString())).status()).isEqualTo(201);
		long source = world.hazardSource("tank-farm", "ent");
		long sensor = world.sensor("pt-101", "ent", source);

		long id = first.getBean(WarningIntake.class).report(WarningWorld.report(ConditionReport.Kind.RAISED, sensor,
				world.id("ent"), "leak-1", "leak", WarningLevel.RED, false, T0)).getAsLong();
		first.getBean(DeliveryWorker.class).run();

		Api manager = world.as(port, "manager");
		JsonNode deliveries = manager.get("/api/v1/warnings/" + id + "/deliveries").json().get("items");
		assertThat(recipients(deliveries, "raised")).containsExactlyInAnyOrder(
				"person:1390000" + world.phoneStem() + "1", "person:1390000" + world.phoneStem() + "2",
				"person:1390000" + world.phoneStem() + "3", "user:" + world.code("street"),
				"user:" + world.code("reg"), "user:" + world.code("bureau"), "user:" + world.code("officer1"));
		assertThat(sms).anyMatch(body -> body.contains("1390000" + world.phoneStem() + "1") && body.contains("pipeline leak"));
		assertThat(manager.get("/api/v1/warnings/" + id).json().get("status").asString()).isEqualTo("pushed");

		WarningEscalation escalation = first.getBean(WarningEscalation.class);
		FixedClockConfig.CLOCK.set(T0.plus(Duration.ofMinutes(4)));
		assertThat(escalation.tick()).isZero();
		FixedClockConfig.CLOCK.set(T0.plus(Duration.ofMinutes(5)));
		assertThat(escalation.tick()).isEqualTo(1);
		assertThat(escalation.tick()).isZero();
		FixedClockConfig.CLOCK.set(T0.plus(Duration.ofMinutes(10)));
		assertThat(escalation.tick()).isEqualTo(1);
		FixedClockConfig.CLOCK.set(T0.plus(Duration.ofMinutes(15)));
		assertThat(escalation.tick()).isEqualTo(2); // acknowledge: supervise; feedback: remind
		assertThat(manager.get("/api/v1/warnings?overdue=true&enterprise=" + world.code("ent")).json().get("total").asInt())
			.isEqualTo(1);
		first.close();

		ConfigurableApplicationContext second = start();
		try {
			port = port(second);
			escalation = second.getBean(WarningEscalation.class);
			assertThat(escalation.tick()).as("nothing repeats after a restart").isZero();
			FixedClockConfig.CLOCK.set(T0.plus(Duration.ofMinutes(30)));
			assertThat(escalation.tick()).as("feedback: widen").isEqualTo(1);
			assertThat(escalation.tick()).isZero();

			manager = world.as(port, "manager");
			assertThat(world.as(port, "other").post("/api/v1/warnings/" + id + "/acknowledge", Map.of("note", "x"))
				.status()).as("another enterprise").isEqualTo(404);
			assertThat(manager.post("/api/v1/warnings/" + id + "/feedback", Map.of("note", "x")).status()).isEqualTo(409);
			assertThat(manager.post("/api/v1/warnings/" + id + "/acknowledge", Map.of("note", "签收")).status()).isEqualTo(200);
			assertThat(manager.post("/api/v1/warnings/" + id + "/verify", Map.of("note", "现场核实：法兰渗漏")).status())
				.isEqualTo(200);
			assertThat(manager.post("/api/v1/warnings/" + id + "/feedback", Map.of("note", "已关阀并更换垫片")).status())
				.isEqualTo(200);
			Api.Response cleared = manager.post("/api/v1/warnings/" + id + "/clear",
					Map.of("reason", "handled", "note", "泄漏已消除"));
			assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
			JsonNode warning = cleared.json();
			assertThat(warning.get("status").asString()).isEqualTo("cleared");
			assertThat(warning.get("clearReason").asString()).isEqualTo("handled");
			assertThat(actions(warning.get("timeline"))).containsExactly("raised", "pushed", "reminder", "widened",
					"supervision", "phone_task", "reminder", "widened", "acknowledged", "verifying", "feedback",
					"cleared");
			assertThat(kinds(warning.get("followups"))).containsExactlyInAnyOrder("supervision", "phone_task");
			FixedClockConfig.CLOCK.set(T0.plus(Duration.ofHours(10)));
			assertThat(escalation.tick()).as("a cleared warning never escalates").isZero();
			assertThat(second.getBean(JdbcClient.class).sql("select count(*) from warning_escalations where warning_id = :id")
				.param("id", id).query(Long.class).single()).isEqualTo(5);
		}
		finally {
			second.close();
		}
	}

	static List<String> recipients(JsonNode deliveries, String event) {
		List<String> found = new java.util.ArrayList<>();
		deliveries.forEach(d -> {
			if (d.get("event").asString().equals(event) && !found.contains(d.get("recipient").asString())) {
				found.add(d.get("recipient").asString());
			}
		});
		return found;
	}

	static List<String> actions(JsonNode timeline) {
		List<String> actions = new java.util.ArrayList<>();
		timeline.forEach(e -> actions.add(e.get("action").asString()));
		return actions;
	}

	static List<String> kinds(JsonNode followups) {
		List<String> kinds = new java.util.ArrayList<>();
		followups.forEach(e -> kinds.add(e.get("kind").asString()));
		return kinds;
	}
}
