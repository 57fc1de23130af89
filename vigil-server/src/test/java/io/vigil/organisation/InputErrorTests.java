package io.vigil.organisation;

import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx problem naming the field and the reason, and nothing is stored. */
@VigilTest
class InputErrorTests {

	@LocalServerPort
	int port;

	@Test
	void malformedJsonIsRefusedAsAProblem() {
		Api.Response response = Api.at(port).as("admin", "admin-password")
			.postRaw("/api/v1/organisations", "application/json", "{\"code\": \"x\", ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().get("content-type").get(0)).contains("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:vigil:problem:malformed-json");
	}

	@Test
	void aWrongTypeNamesTheField() {
		Api.Response response = Api.at(port).as("admin", "admin-password")
			.postRaw("/api/v1/organisations", "application/json",
					"{\"code\":\"t1\",\"name\":\"n\",\"kind\":\"region\",\"industries\":{\"not\":\"a list\"}}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("industries");
	}

	@Test
	void unknownKindsAndBadCodesAreNamed() {
		Api admin = Api.at(port).as("admin", "admin-password");

		Api.Response kind = admin.post("/api/v1/organisations", Map.of("code", "k1", "name", "n", "kind", "castle"));
		Api.Response code = admin.post("/api/v1/organisations", Map.of("code", "bad code!", "name", "n", "kind", "region"));

		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.json().get("field").asString()).isEqualTo("kind");
		assertThat(kind.json().get("detail").asString()).contains("castle", "region", "enterprise");
		assertThat(code.json().get("field").asString()).isEqualTo("code");
		assertThat(admin.get("/api/v1/organisations/k1").status()).isEqualTo(404);
	}

	@Test
	void duplicateCodesConflict() {
		Api admin = Api.at(port).as("admin", "admin-password");
		String code = "dup" + UUID.randomUUID().toString().substring(0, 6);
		admin.post("/api/v1/organisations", Map.of("code", code, "name", "first", "kind", "region"));

		Api.Response second = admin.post("/api/v1/organisations", Map.of("code", code, "name", "second", "kind", "region"));

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("field").asString()).isEqualTo("code");
		assertThat(admin.get("/api/v1/organisations/" + code).json().get("name").asString()).isEqualTo("first");
	}

	@Test
	void oversizedBodiesAreRefusedBeforeTheyAreRead() {
		String huge = "{\"code\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}";

		Api.Response response = Api.at(port).as("admin", "admin-password")
			.postRaw("/api/v1/organisations", "application/json", huge);

		assertThat(response.status()).isEqualTo(413);
	}

	@Test
	void shortPasswordsAreRefusedOutsideDemoMode() {
		Api.Response response = Api.at(port).as("admin", "admin-password").post("/api/v1/users",
				Map.of("username", "shorty", "displayName", "s", "password", "demo", "role", "platform_admin"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("field").asString()).isEqualTo("password");
	}
}
