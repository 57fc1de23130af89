package io.vigil.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.Api;
import io.vigil.registry.SensorCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.vigil.ingest.TestEnterprise.reading;
import static org.assertj.core.api.Assertions.assertThat;

@IngestTest
class HttpIngestTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SensorCatalog catalog;

	TestEnterprise plant;

	Api gateway;

	Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void enterprise() {
		plant = TestEnterprise.in(port, jdbc, catalog).sensors("gas1", "gas2").create();
		gateway = Api.at(port).withApiKey(plant.key());
	}

	@Test
	void storesGoodItemsAndNamesTheReasonForEachBadOne() {
		TestEnterprise other = TestEnterprise.in(port, jdbc, catalog).sensors("x").create();
		List<Object> items = new ArrayList<>();
		items.add(reading(plant.sensor("gas1"), now.minusSeconds(60), 12.5, "N"));       // 0 good
		items.add(reading("no-such-sensor-" + plant.code(), now, 1.0, "N"));             // 1 unknown sensor
		items.add(reading(other.sensor("x"), now, 1.0, "N"));                            // 2 another enterprise's
		items.add(reading(plant.sensor("gas1"), now, "NaN", "N"));                       // 3 NaN
		items.add(reading(plant.sensor("gas1"), now.plus(Duration.ofHours(1)), 1.0, "N")); // 4 future
		items.add(reading(plant.sensor("gas1"), now.minus(Duration.ofDays(401)), 1.0, "N")); // 5 past
		items.add(Map.of("sensor", plant.sensor("gas1"), "value", 1.0));                // 6 no ts
		items.add(reading(plant.sensor("gas1"), now, 1.0, "X"));                         // 7 bad flag
		items.add(reading(plant.sensor("gas2"), now.minusSeconds(30), 250.0, null));     // 8 out of range: stored
		items.add(reading(plant.sensor("gas2"), now.minusSeconds(20), 3.0, "M"));        // 9 invalid flag: stored
		items.add(Map.of("sensor", plant.sensor("gas1"), "ts", "yesterday", "value", 1)); // 10 unreadable ts
		items.add("not an object");                                                       // 11

		Api.Response response = gateway.post("/api/v1/readings", Map.of("readings", items));

		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(3);
		assertThat(codes(response.json())).containsExactly(
				"1:unknown_sensor", "2:foreign_sensor", "3:not_finite", "4:too_far_future", "5:too_far_past",
				"6:missing_field", "7:bad_flag", "10:unreadable", "11:unreadable");
		assertThat(response.json().get("rejected").get(0).get("reason").asString()).contains("no-such-sensor");
		assertThat(plant.stored("gas1")).containsExactly(now.minusSeconds(60) + "=12.5/N");
		assertThat(plant.stored("gas2")).containsExactly(now.minusSeconds(30) + "=250.0/N/out",
				now.minusSeconds(20) + "=3.0/M/invalid");
		assertThat(other.count("x")).isZero();
	}

	@Test
	void aSensorCreatedAfterItsCodeWasRefusedIsAcceptedAtOnce() {
		String code = plant.code() + "-late";
		Map<String, Object> body = Map.of("readings", List.of(reading(code, now.minusSeconds(3), 2.0, "N")));
		assertThat(gateway.post("/api/v1/readings", body).body()).contains("unknown_sensor");

		Api.Response created = Api.at(port).as("admin", "admin-password").post("/api/v1/sensors",
				Map.of("code", code, "name", "可燃气体 late", "type", "combustible_gas", "enterprise", plant.code()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		Api.Response accepted = gateway.post("/api/v1/readings", body);
		assertThat(accepted.body()).as(accepted.toString()).contains("\"accepted\":1");
	}

	@Test
	void storesTheSameReadingOnceWhenItIsSentAgain() {
		Map<String, Object> body = Map.of("readings",
				List.of(reading(plant.sensor("gas1"), now.minusSeconds(5), 7.0, "N")));

		assertThat(gateway.post("/api/v1/readings", body).status()).isEqualTo(202);
		Api.Response again = gateway.post("/api/v1/readings", body);

		assertThat(again.status()).isEqualTo(202);
		assertThat(plant.stored("gas1")).containsExactly(now.minusSeconds(5) + "=7.0/N");
	}

	@Test
	void acceptsLateAndOutOfOrderReadingsInTheirPlace() {
		gateway.post("/api/v1/readings", Map.of("readings", List.of(reading(plant.sensor("gas1"), now, 3.0, "N"))));

		Api.Response late = gateway.post("/api/v1/readings",
				Map.of("readings", List.of(reading(plant.sensor("gas1"), now.minusSeconds(120), 1.0, "N"),
						reading(plant.sensor("gas1"), now.minus(Duration.ofDays(3)), 0.5, "N"),
						reading(plant.sensor("gas1"), now.minusSeconds(60), 2.0, "N"))));

		assertThat(late.json().get("accepted").asInt()).isEqualTo(3);
		assertThat(plant.stored("gas1")).containsExactly(now.minus(Duration.ofDays(3)) + "=0.5/N",
				now.minusSeconds(120) + "=1.0/N", now.minusSeconds(60) + "=2.0/N", now + "=3.0/N");
	}

	@Test
	void refusesAWrongOrMissingKeyAndStoresNothing() {
		Map<String, Object> body = Map.of("readings", List.of(reading(plant.sensor("gas1"), now, 1.0, "N")));

		Api.Response wrong = Api.at(port).withApiKey("vk_not-a-key").post("/api/v1/readings", body);
		Api.Response missing = Api.at(port).post("/api/v1/readings", body);

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("type").asString()).isEqualTo("urn:vigil:problem:unauthorized");
		assertThat(missing.status()).isEqualTo(401);
		assertThat(plant.count("gas1")).isZero();
	}

	@Test
	void refusesMalformedJsonAsAWholeAndQuarantinesIt() {
		String body = "{\"readings\":[{\"sensor\":\"" + plant.sensor("gas1") + "\",\"ts\":\"" + now
				+ "\",\"value\":1.0},{\"sensor\":";

		Api.Response response = gateway.postRaw("/api/v1/readings", "application/json", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:vigil:problem:malformed-json");
		assertThat(response.json().get("detail").asString()).contains("line 1");
		assertThat(plant.count("gas1")).isZero();
		JsonNode quarantined = awaitQuarantine(1);
		assertThat(quarantined.get(0).get("code").asString()).isEqualTo("malformed");
		assertThat(quarantined.get(0).get("raw").asString()).startsWith("{\"readings\":[{\"sensor\"");
	}

	@Test
	void refusesAnOversizedBatchAsAWhole() {
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			items.add(reading(plant.sensor("gas1"), now.minusSeconds(i), i, "N"));
		}

		Api.Response response = gateway.post("/api/v1/readings", Map.of("readings", items));

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("detail").asString()).contains("more than 1000");
		assertThat(plant.count("gas1")).isZero();
	}

	@Test
	void quarantineShowsAnEnterpriseOnlyItsOwnRefusals() {
		TestEnterprise other = TestEnterprise.in(port, jdbc, catalog).create();
		gateway.post("/api/v1/readings", Map.of("readings", List.of(reading("nope-" + plant.code(), now, 1.0, "N"))));
		Api.at(port).withApiKey(other.key()).post("/api/v1/readings",
				Map.of("readings", List.of(reading("nope-" + other.code(), now, 1.0, "N"))));
		awaitQuarantine(1);
		Api admin = Api.at(port).as("admin", "admin-password");
		admin.post("/api/v1/users", Map.of("username", "op-" + plant.code(), "displayName", "op", "password",
				"password-long-enough", "role", "enterprise_operator", "organisation", plant.code()));
		Api operator = Api.at(port).as("op-" + plant.code(), "password-long-enough");

		Api.Response own = operator.get("/api/v1/ingest/quarantine");
		Api.Response foreign = operator.get("/api/v1/ingest/quarantine?enterprise=" + other.code());

		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("items")).hasSize(1);
		assertThat(own.json().get("items").get(0).get("enterprise").asString()).isEqualTo(plant.code());
		assertThat(own.json().get("items").get(0).get("raw").asString()).contains("nope-" + plant.code());
		assertThat(foreign.status()).isEqualTo(404);
		Eventually.within(Duration.ofSeconds(10), () -> assertThat(
				admin.get("/api/v1/ingest/quarantine?enterprise=" + other.code()).json().get("items")).hasSize(1));
	}

	private JsonNode awaitQuarantine(int size) {
		Api admin = Api.at(port).as("admin", "admin-password");
		String path = "/api/v1/ingest/quarantine?enterprise=" + plant.code();
		Eventually.within(Duration.ofSeconds(10),
				() -> assertThat(admin.get(path).json().get("items").size()).isGreaterThanOrEqualTo(size));
		return admin.get(path).json().get("items");
	}

	private static List<String> codes(JsonNode response) {
		List<String> codes = new ArrayList<>();
		response.get("rejected").forEach(r -> codes.add(r.get("index").asInt() + ":" + r.get("code").asString()));
		return codes;
	}
}
