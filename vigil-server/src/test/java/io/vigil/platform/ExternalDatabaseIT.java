package io.vigil.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: Vigil on an external PostgreSQL server (the one on this machine), configured
 * the way an operator does it, in a database of its own that the test creates and drops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "vigil.data-dir=${java.io.tmpdir}/vigil-external-${random.uuid}",
				"vigil.organisation.admin-username=admin", "vigil.organisation.admin-password=admin-password",
				"vigil.ingest.mqtt.port=0", "vigil.ingest.hj212.port=0" })
class ExternalDatabaseIT {

	static final String SERVER = System.getProperty("vigil.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");

	static final String DATABASE = "vigil_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
			// Databases of earlier runs: dropped here, not after the tests, because the application (and
			// its scheduled work) keeps using its database until the JVM ends.
			var leftovers = connection.createStatement()
				.executeQuery("select datname from pg_database where datname like 'vigil\\_it\\_%'");
			java.util.List<String> names = new java.util.ArrayList<>();
			while (leftovers.next()) {
				names.add(leftovers.getString(1));
			}
			for (String name : names) {
				connection.createStatement().execute("drop database if exists " + name + " with (force)");
			}
			connection.createStatement().execute("create database " + DATABASE);
		}
		registry.add("spring.datasource.url", () -> SERVER + DATABASE);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@Test
	void runsOnTheConfiguredServerWithItsSchemaMigrated() {
		String database = jdbc.sql("select current_database()").query(String.class).single();
		Integer migrations = jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class)
			.single();

		assertThat(database).isEqualTo(DATABASE);
		assertThat(migrations).isGreaterThanOrEqualTo(3);
	}

	@Test
	void storesWhatTheApiIsGivenOnTheServer() {
		Api admin = Api.at(port).as("admin", "admin-password");

		Api.Response created = admin.post("/api/v1/organisations", Map.of("code", "ext-district", "name", "外部库测试区",
				"kind", "region"));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(jdbc.sql("select name from organisations where code = 'ext-district'").query(String.class).single())
			.isEqualTo("外部库测试区");
		assertThat(Api.at(port).get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
	}
}
