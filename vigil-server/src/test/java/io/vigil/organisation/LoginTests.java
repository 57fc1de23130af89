package io.vigil.organisation;

import java.util.Map;

import io.vigil.Api;
import io.vigil.VigilTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class LoginTests {

	@LocalServerPort
	int port;

	@Test
	void firstAdministratorLogsInAndSeesThemselves() {
		Api admin = Api.at(port).as("admin", "admin-password");

		Api.Response me = admin.get("/api/v1/auth/me");

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("admin");
		assertThat(me.json().get("role").asString()).isEqualTo("PLATFORM_ADMIN");
	}

	@Test
	void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
		Api.Response response = Api.at(port).post("/api/v1/auth/login",
				Map.of("username", "admin", "password", "not-the-password"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).contains("Wrong user name or password");
	}

	@Test
	void repeatedFailuresLockTheNameOut() {
		Api anonymous = Api.at(port);
		for (int i = 0; i < 5; i++) {
			anonymous.post("/api/v1/auth/login", Map.of("username", "nobody-" + port, "password", "guess" + i));
		}

		Api.Response locked = anonymous.post("/api/v1/auth/login", Map.of("username", "nobody-" + port, "password", "x"));

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.headers()).containsKey("retry-after");
	}

	@Test
	void apiRefusesRequestsWithoutAToken() {
		Api.Response response = Api.at(port).get("/api/v1/organisations");

		assertThat(response.status()).isEqualTo(401);
		assertThat(Api.at(port).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}
}
