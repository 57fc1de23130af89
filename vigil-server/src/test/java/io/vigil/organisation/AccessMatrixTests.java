package io.vigil.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix of R1.2 for organisations, users and API keys: for each role, what it may and may
 * not read and write, and that a refused write changes nothing.
 */
@VigilTest
class AccessMatrixTests {

	@LocalServerPort
	int port;

	Api admin;

	String s; // suffix that keeps this test's codes apart from other tests in the shared database

	@BeforeEach
	void buildTree() {
		admin = Api.at(port).as("admin", "admin-password");
		s = UUID.randomUUID().toString().substring(0, 8);
		org("d" + s, "region", null, List.of(), null);
		org("j1" + s, "region", "d" + s, List.of(), null);
		org("j2" + s, "region", "d" + s, List.of(), null);
		org("e1" + s, "enterprise", "j1" + s, List.of("hazchem_pipeline"), null);
		org("e2" + s, "enterprise", "j2" + s, List.of("gas"), null);
		org("reg" + s, "regulator", null, List.of("gas"), "d" + s);
		org("duty" + s, "duty_center", null, List.of(), "d" + s);
		user("m1" + s, "enterprise_manager", "e1" + s);
		user("o1" + s, "enterprise_operator", "e1" + s);
		user("m2" + s, "enterprise_manager", "e2" + s);
		user("jo" + s, "jurisdiction_officer", "j1" + s);
		user("rg" + s, "regulator", "reg" + s);
		user("dt" + s, "duty_officer", "duty" + s);
	}

	@Test
	void eachRoleSeesExactlyItsScopeOfOrganisations() {
		assertThat(visibleOrganisations("m1")).containsExactly("e1" + s);
		assertThat(visibleOrganisations("o1")).containsExactly("e1" + s);
		assertThat(visibleOrganisations("jo")).containsExactlyInAnyOrder("j1" + s, "e1" + s);
		assertThat(visibleOrganisations("rg")).contains("d" + s, "j1" + s, "j2" + s, "e2" + s).doesNotContain("e1" + s);
		assertThat(visibleOrganisations("dt")).contains("d" + s, "j1" + s, "j2" + s, "e1" + s, "e2" + s);
		assertThat(admin.get("/api/v1/organisations").body()).contains("e1" + s, "e2" + s, "reg" + s);
	}

	@Test
	void anEnterpriseCannotReadOrChangeAnotherEnterprise() {
		Api m1 = as("m1");

		assertThat(m1.get("/api/v1/organisations/e2" + s).status()).isEqualTo(404);
		assertThat(m1.put("/api/v1/organisations/e2" + s, Map.of("phone", "110")).status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/organisations/e2" + s).json().get("phone")).isNull();
		assertThat(m1.put("/api/v1/organisations/e1" + s, Map.of("phone", "022-1234")).status()).isEqualTo(200);
		assertThat(m1.put("/api/v1/organisations/e1" + s, Map.of("name", "renamed")).status()).isEqualTo(403);
	}

	@Test
	void anEnterpriseCannotReadOrChangeAnotherEnterprisesKeys() {
		Api m1 = as("m1");
		long keyOfE2 = admin.post("/api/v1/enterprises/e2" + s + "/api-keys", Map.of("name", "gateway")).json()
			.get("id").asLong();

		assertThat(m1.get("/api/v1/enterprises/e2" + s + "/api-keys").status()).isEqualTo(404);
		assertThat(m1.post("/api/v1/enterprises/e2" + s + "/api-keys", Map.of("name", "x")).status()).isEqualTo(404);
		assertThat(m1.post("/api/v1/enterprises/e2" + s + "/api-keys/" + keyOfE2 + "/revoke", Map.of()).status())
			.isEqualTo(404);
		assertThat(admin.get("/api/v1/enterprises/e2" + s + "/api-keys").json().get("items")).hasSize(1);
		assertThat(admin.get("/api/v1/enterprises/e2" + s + "/api-keys").json().get("items").get(0).get("revokedAt"))
			.isNull();
	}

	@Test
	void onlyTheEnterpriseManagerOrAnAdminManagesKeys() {
		Api.Response created = as("m1").post("/api/v1/enterprises/e1" + s + "/api-keys", Map.of("name", "dcs"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("secret").asString()).startsWith("vk_");

		assertThat(as("o1").post("/api/v1/enterprises/e1" + s + "/api-keys", Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(as("jo").post("/api/v1/enterprises/e1" + s + "/api-keys", Map.of("name", "x")).status()).isEqualTo(403);
		assertThat(as("rg").get("/api/v1/enterprises/e1" + s + "/api-keys").status()).isEqualTo(404);
		assertThat(as("o1").get("/api/v1/enterprises/e1" + s + "/api-keys").json().get("items")).hasSize(1);
	}

	@Test
	void keysRotateAndRevokedKeysStopWorking() {
		Api m1 = as("m1");
		var created = m1.post("/api/v1/enterprises/e1" + s + "/api-keys", Map.of("name", "plc")).json();
		long id = created.get("id").asLong();

		var rotated = m1.post("/api/v1/enterprises/e1" + s + "/api-keys/" + id + "/rotate", Map.of()).json();

		assertThat(rotated.get("secret").asString()).isNotEqualTo(created.get("secret").asString());
		var keys = m1.get("/api/v1/enterprises/e1" + s + "/api-keys").json().get("items");
		assertThat(keys).hasSize(2);
		assertThat(keys.get(0).get("revokedAt")).isNotNull();
		assertThat(keys.get(1).get("revokedAt")).isNull();
		assertThat(keys.toString()).doesNotContain(created.get("secret").asString());
	}

	@Test
	void usersAreManagedOnlyInsideTheirOwnEnterprise() {
		Api m1 = as("m1");

		assertThat(m1.post("/api/v1/users", newUser("x1" + s, "enterprise_operator", "e1" + s)).status()).isEqualTo(201);
		assertThat(m1.post("/api/v1/users", newUser("x2" + s, "enterprise_operator", "e2" + s)).status()).isEqualTo(403);
		assertThat(m1.post("/api/v1/users", newUser("x3" + s, "platform_admin", null)).status()).isEqualTo(403);
		assertThat(m1.put("/api/v1/users/m2" + s, Map.of("enabled", false)).status()).isEqualTo(404);
		assertThat(m1.put("/api/v1/users/m2" + s + "/password", Map.of("password", "taken-over-123")).status())
			.isEqualTo(404);
		assertThat(as("m2").get("/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(m1.get("/api/v1/users").body()).contains("o1" + s).doesNotContain("m2" + s);
		assertThat(as("o1").post("/api/v1/users", newUser("x4" + s, "enterprise_operator", "e1" + s)).status())
			.isEqualTo(403);
	}

	@Test
	void aJurisdictionOfficerManagesEnterprisesOnlyInItsSubtree() {
		Api jo = as("jo");

		assertThat(jo.post("/api/v1/organisations", Map.of("code", "e3" + s, "name", "新企业", "kind", "enterprise",
				"parent", "j1" + s)).status()).isEqualTo(201);
		assertThat(jo.post("/api/v1/organisations", Map.of("code", "e4" + s, "name", "越界企业", "kind", "enterprise",
				"parent", "j2" + s)).status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/organisations/e4" + s).status()).isEqualTo(404);
		assertThat(jo.post("/api/v1/organisations", Map.of("code", "r2" + s, "name", "监管", "kind", "regulator"))
			.status()).isEqualTo(403);
	}

	@Test
	void regulatorsAndDutyOfficersCannotChangeTheTree() {
		for (String reader : List.of("rg", "dt", "o1")) {
			assertThat(as(reader).post("/api/v1/organisations", Map.of("code", "z" + reader + s, "name", "z", "kind",
					"enterprise", "parent", "j2" + s)).status()).as(reader).isIn(403, 400);
			assertThat(as(reader).put("/api/v1/organisations/j2" + s, Map.of("name", "renamed")).status()).as(reader)
				.isIn(403, 404);
		}
		assertThat(admin.get("/api/v1/organisations/j2" + s).json().get("name").asString()).isEqualTo("j2" + s);
	}

	@Test
	void changesAreAuditedAndTheAuditLogIsForAdminsOnly() {
		Api.Response audit = admin.get("/api/v1/audit?entityType=organisation&entityKey=e1" + s);

		assertThat(audit.status()).isEqualTo(200);
		assertThat(audit.json().get("items").get(0).get("actor").asString()).isEqualTo("admin");
		assertThat(audit.json().get("items").get(0).get("after").get("code").asString()).isEqualTo("e1" + s);
		assertThat(as("m1").get("/api/v1/audit").status()).isEqualTo(403);
	}

	private List<String> visibleOrganisations(String user) {
		return as(user).get("/api/v1/organisations").json().get("items").valueStream()
			.map(o -> o.get("code").asString()).filter(code -> code.endsWith(s)).toList();
	}

	private Api as(String user) {
		return Api.at(port).as(user + s, "password-" + user);
	}

	private void org(String code, String kind, String parent, List<String> industries, String scopeRegion) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("code", code, "name", code, "kind", kind,
				"industries", industries));
		if (parent != null) {
			body.put("parent", parent);
		}
		if (scopeRegion != null) {
			body.put("scopeRegion", scopeRegion);
		}
		Api.Response response = admin.post("/api/v1/organisations", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private void user(String username, String role, String organisation) {
		String prefix = username.substring(0, username.length() - s.length());
		Api.Response response = admin.post("/api/v1/users", newUser(username, role, organisation, "password-" + prefix));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static Map<String, Object> newUser(String username, String role, String organisation) {
		return newUser(username, role, organisation, "password-long-enough");
	}

	private static Map<String, Object> newUser(String username, String role, String organisation, String password) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "displayName", username,
				"password", password, "role", role));
		if (organisation != null) {
			body.put("organisation", organisation);
		}
		return body;
	}
}
