package io.vigil.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import io.vigil.ingest.Eventually;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data made through the API with unique codes: a district (its bureau user), a jurisdiction, one
 * hazchem enterprise with a manager and an API key, a pipeline segment, and sensors created like a user
 * would (so their thresholds and ranges come from the domain pack).
 */
final class DetectionWorld {

	static final String PASSWORD = "password-123";

	final Api admin;

	final String s;

	final String enterprise;

	final String segment;

	private final int port;

	private final String key;

	private Instant last = Instant.now().minusSeconds(1);

	DetectionWorld(int port) {
		this.port = port;
		this.admin = Api.at(port).as("admin", "admin-password");
		this.s = UUID.randomUUID().toString().substring(0, 8);
		this.enterprise = "de" + s;
		this.segment = "seg-" + s;
		org("dd" + s, "region", null, List.of());
		org("dj" + s, "region", "dd" + s, List.of());
		org(enterprise, "enterprise", "dj" + s, List.of("hazchem_pipeline"));
		user("bureau" + s, "jurisdiction_officer", "dd" + s);
		user("manager" + s, "enterprise_manager", enterprise);
		Api.Response apiKey = admin.post("/api/v1/enterprises/" + enterprise + "/api-keys", Map.of("name", "gateway"));
		assertThat(apiKey.status()).as(apiKey.toString()).isEqualTo(201);
		this.key = apiKey.json().get("secret").asString();
		Map<String, Object> asset = new HashMap<>();
		asset.put("code", segment);
		asset.put("name", "管段 " + segment);
		asset.put("type", "pipeline_segment");
		asset.put("enterprise", enterprise);
		asset.put("geometry", Map.of("type", "LineString", "coordinates", List.of(List.of(117.70, 39.00), List.of(117.72, 39.01))));
		asset.put("attributes", Map.of("highConsequenceArea", true, "hcaGrade", "II"));
		Api.Response created = admin.post("/api/v1/assets", asset);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	Api as(String prefix) {
		return Api.at(port).as(prefix + s, PASSWORD);
	}

	/** A sensor of the pack's type on the segment; returns its code. */
	String sensor(String name, String type) {
		String code = name + "-" + s;
		Api.Response r = admin.post("/api/v1/sensors", Map.of("code", code, "name", name, "type", type, "asset", segment));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return code;
	}

	/** A sensor with its own reporting interval, so that silence can be tested in seconds. */
	String sensor(String name, String type, int intervalSeconds) {
		String code = name + "-" + s;
		Api.Response r = admin.post("/api/v1/sensors", Map.of("code", code, "name", name, "type", type, "asset", segment,
				"intervalSeconds", intervalSeconds));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return code;
	}

	/** Posts one reading stamped now (strictly after the previous one). */
	void send(String sensor, double value, String flag) {
		Instant now = Instant.now();
		last = now.isAfter(last) ? now : last.plusMillis(1);
		send(List.of(reading(sensor, last, value, flag)));
	}

	void send(List<Map<String, Object>> readings) {
		Api.Response r = Api.at(port).withApiKey(key).post("/api/v1/readings", Map.of("readings", readings));
		assertThat(r.status()).as(r.toString()).isEqualTo(202);
		assertThat(r.json().get("accepted").asInt()).as(r.toString()).isEqualTo(readings.size());
	}

	static Map<String, Object> reading(String sensor, Instant ts, double value, String flag) {
		Map<String, Object> m = new HashMap<>();
		m.put("sensor", sensor);
		m.put("ts", ts.toString());
		m.put("value", value);
		m.put("flag", flag == null ? "N" : flag);
		return m;
	}

	/** Active warnings of a sensor, as the warning API lists them. */
	List<JsonNode> active(String sensor) {
		Api.Response r = admin.get("/api/v1/warnings?state=active&sensor=" + sensor);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		r.json().get("items").forEach(items::add);
		return items;
	}

	/** Active warnings of the enterprise about objects other than sensors (assets, the enterprise itself). */
	List<JsonNode> activeOfEnterprise() {
		Api.Response r = admin.get("/api/v1/warnings?state=active&enterprise=" + enterprise);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		r.json().get("items").forEach(items::add);
		return items;
	}

	/** Waits for the active warning of a sensor under a rule, and returns it. */
	JsonNode awaitWarning(String sensor, String rule, Duration within) {
		List<JsonNode> found = new ArrayList<>();
		Eventually.within(within, () -> {
			found.clear();
			active(sensor).stream().filter(w -> rule.equals(w.path("rule").asString())).forEach(found::add);
			assertThat(found).as("active '" + rule + "' warnings of " + sensor + ": " + active(sensor)).hasSize(1);
		});
		return found.get(0);
	}

	List<String> activeRules(String sensor) {
		return active(sensor).stream().map(w -> w.path("rule").asString()).toList();
	}

	private void org(String code, String kind, String parent, List<String> industries) {
		Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", code, "kind", kind, "industries", industries));
		if (parent != null) {
			body.put("parent", parent);
		}
		Api.Response response = admin.post("/api/v1/organisations", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private void user(String username, String role, String organisation) {
		Api.Response response = admin.post("/api/v1/users", Map.of("username", username, "displayName", username,
				"password", PASSWORD, "role", role, "organisation", organisation));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}
}
