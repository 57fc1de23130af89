package io.vigil.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small tree made through the API with unique codes: district → two jurisdictions → one enterprise
 * each, their managers and an operator of the first, and a jurisdiction officer of the first.
 */
final class RegistryFixture {

	static final String PASSWORD = "password-123";

	final Api admin;

	final String s;

	final String e1;

	final String e2;

	private final int port;

	RegistryFixture(int port) {
		this.port = port;
		this.admin = Api.at(port).as("admin", "admin-password");
		this.s = UUID.randomUUID().toString().substring(0, 8);
		this.e1 = "e1" + s;
		this.e2 = "e2" + s;
		org("d" + s, "region", null, List.of());
		org("j1" + s, "region", "d" + s, List.of());
		org("j2" + s, "region", "d" + s, List.of());
		org(e1, "enterprise", "j1" + s, List.of("hazchem_pipeline"));
		org(e2, "enterprise", "j2" + s, List.of("hazchem_pipeline"));
		user("m1" + s, "enterprise_manager", e1);
		user("o1" + s, "enterprise_operator", e1);
		user("m2" + s, "enterprise_manager", e2);
		user("jo" + s, "jurisdiction_officer", "j1" + s);
	}

	/** Signs in as one of the fixture's users by prefix: m1, o1, m2, jo. */
	Api as(String prefix) {
		return Api.at(port).as(prefix + s, PASSWORD);
	}

	String code(String name) {
		return name + "-" + s;
	}

	/** A valid pipeline segment of enterprise {@code enterprise}. */
	static Map<String, Object> segment(String code, String enterprise) {
		Map<String, Object> asset = new HashMap<>();
		asset.put("code", code);
		asset.put("name", "管段 " + code);
		asset.put("type", "pipeline_segment");
		asset.put("enterprise", enterprise);
		asset.put("geometry", Map.of("type", "LineString", "coordinates",
				List.of(List.of(117.70, 39.00), List.of(117.72, 39.01), List.of(117.75, 39.01))));
		asset.put("attributes", Map.of("highConsequenceArea", true, "hcaGrade", "II"));
		return asset;
	}

	static Map<String, Object> gasSensor(String code, String asset) {
		Map<String, Object> sensor = new HashMap<>();
		sensor.put("code", code);
		sensor.put("name", "可燃气体 " + code);
		sensor.put("type", "combustible_gas");
		sensor.put("asset", asset);
		return sensor;
	}

	Api.Response createSegment(Api api, String code, String enterprise) {
		Api.Response response = api.post("/api/v1/assets", segment(code, enterprise));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
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
