package io.vigil.detection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.detection.internal.ReadingFeed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/rules}: validation, versions, audit, who may change what, and changes applied without a restart. */
@VigilTest
class RuleApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ReadingFeed feed;

	@Autowired
	JdbcClient jdbc;

	DetectionWorld world;

	@BeforeEach
	void world() {
		world = new DetectionWorld(port);
	}

	@Test
	void rejectsUnknownKindsScopesTargetsAndFieldsNamingTheField() {
		String gas = world.sensor("g", "combustible_gas");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "magic"))), "rules[0].kind", "unknown kind");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("planet", gas, Map.of("kind", "interruption"))), "scope", "must be one of");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", "nope-" + world.s, Map.of("kind", "interruption"))), "target",
				"unknown sensor");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "interruption", "factr", 3))),
				"rules[0].factr", "unknown field");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "rate", "level", "purple"))),
				"rules[0].level", "unknown level");
	}

	@Test
	void rejectsBadParametersWithTheEnginesReason() {
		String gas = world.sensor("g", "combustible_gas");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, threshold(-1, limit("high", 20, "yellow")))),
				"rules[0]", "deadband must be >= 0");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "rate"))), "rules[0]",
				"needs a rise or a fall limit");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "trend", "bound", "high", "threshold", 40,
				"minReadings", 2))), "rules[0]", "minReadings >= 3");
		assertInvalid(world.admin.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "mass_balance_leak", "inletPressure", gas,
				"outletPressure", gas, "inletFlow", gas, "outletFlow", gas, "expectedImbalance", 1, "minPressureDrop", 0.1))),
				"rules[0].kind", "belongs to an asset rule set");
	}

	@Test
	void aRuleChangeTakesEffectWithoutRestartAndEveryChangeIsAVersion() {
		String gas = world.sensor("g", "combustible_gas");
		world.send(gas, 15, "N");
		world.send(gas, 15, "N");
		settle();
		assertThat(world.activeRules(gas)).doesNotContain("threshold"); // 15 %LEL is below the standard 25

		Api.Response created = world.admin.post("/api/v1/rules", ruleSet("sensor", gas,
				Map.of("kind", "threshold", "limits", List.of(limit("high", 10, "yellow")), "onDelay", Map.of("readings", 1))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("version").asInt()).isEqualTo(1);
		long id = created.json().get("id").asLong();
		world.send(gas, 15, "N");
		world.awaitWarning(gas, "threshold", Duration.ofSeconds(5));

		Api.Response changed = world.admin.put("/api/v1/rules/" + id, ruleSet("sensor", gas,
				Map.of("kind", "threshold", "limits", List.of(limit("high", 12, "orange")), "onDelay", Map.of("readings", 1))));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("version").asInt()).isEqualTo(2);
		Api.Response deleted = world.admin.delete("/api/v1/rules/" + id);
		assertThat(deleted.json().get("version").asInt()).isEqualTo(3);
		assertThat(deleted.json().get("enabled").asBoolean()).isFalse();

		Api.Response versions = world.admin.get("/api/v1/rules/" + id + "/versions");
		assertThat(versions.json().get("items")).hasSize(3);
		assertThat(versions.json().get("items").get(0).get("rules").get(0).get("limits").get(0).get("value").asDouble()).isEqualTo(10);
		List<String> audited = jdbc.sql("select action from audit_log where entity_type = 'rule_set' and entity_key = :id order by id")
			.param("id", Long.toString(id)).query(String.class).list();
		assertThat(audited).containsExactly("create", "update", "delete");
	}

	@Test
	void anEnterpriseMayTightenButNotLoosenTheThresholdsOfItsSensors() {
		String gas = world.sensor("g", "combustible_gas");
		Api manager = world.as("manager");

		Api.Response looser = manager.post("/api/v1/rules", ruleSet("sensor", gas,
				threshold(0.5, limit("high", 30, "yellow"), limit("high", 50, "orange"))));
		assertThat(looser.status()).as(looser.toString()).isEqualTo(403);
		assertThat(looser.body()).contains("loosens the standard");

		Api.Response otherKind = manager.post("/api/v1/rules", ruleSet("sensor", gas, Map.of("kind", "interruption", "factor", 100)));
		assertThat(otherKind.status()).as(otherKind.toString()).isEqualTo(403);

		Api.Response stricter = manager.post("/api/v1/rules", ruleSet("sensor", gas,
				threshold(0.5, limit("high", 20, "yellow"), limit("high", 40, "orange"))));
		assertThat(stricter.status()).as(stricter.toString()).isEqualTo(201);

		Api.Response typeWide = manager.post("/api/v1/rules", ruleSet("sensor_type", "combustible_gas",
				threshold(0.5, limit("high", 20, "yellow"))));
		assertThat(typeWide.status()).as(typeWide.toString()).isEqualTo(403);
	}

	private void settle() {
		try {
			feed.settle(Duration.ofSeconds(10));
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	static void assertInvalid(Api.Response response, String field, String reason) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).as(response.toString()).isEqualTo(field);
		assertThat(response.body()).contains(reason);
	}

	static Map<String, Object> ruleSet(String scope, String target, Map<String, Object>... rules) {
		return Map.of("scope", scope, "target", target, "rules", List.of(rules));
	}

	@SafeVarargs
	static Map<String, Object> threshold(double deadband, Map<String, Object>... limits) {
		return Map.of("kind", "threshold", "deadband", deadband, "limits", List.of(limits));
	}

	static Map<String, Object> limit(String bound, double value, String level) {
		return Map.of("bound", bound, "value", value, "level", level);
	}
}
