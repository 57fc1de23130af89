package io.vigil.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vigil.Api;
import io.vigil.registry.SensorCatalog;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test data: an enterprise with a fresh API key and sensors, created through the API (sensors straight in the
 * table), with unique codes so that tests can share the database.
 */
public record TestEnterprise(String code, long id, String key, JdbcClient jdbc) {

	public static Builder in(int port, JdbcClient jdbc, SensorCatalog catalog) {
		return new Builder(port, jdbc, catalog);
	}

	public String sensor(String name) {
		return code + "-" + name;
	}

	/** The stored readings of a sensor, oldest first, as {@code ts=value/flag[/invalid][/out]}. */
	public List<String> stored(String sensorName) {
		return jdbc.sql("""
				select r.ts, r.value, r.flag, r.valid, r.out_of_range from readings r join sensors s on s.id = r.sensor_id
				where s.code = :code order by r.ts""").param("code", sensor(sensorName))
			.query((rs, row) -> rs.getTimestamp("ts").toInstant() + "=" + rs.getDouble("value") + "/"
					+ rs.getString("flag") + (rs.getBoolean("valid") ? "" : "/invalid")
					+ (rs.getBoolean("out_of_range") ? "/out" : ""))
			.list();
	}

	public long count(String sensorName) {
		return jdbc.sql("select count(*) from readings r join sensors s on s.id = r.sensor_id where s.code = :code")
			.param("code", sensor(sensorName)).query(Long.class).single();
	}

	public static Map<String, Object> reading(String sensor, Instant ts, Object value, String flag) {
		Map<String, Object> item = new java.util.LinkedHashMap<>();
		item.put("sensor", sensor);
		item.put("ts", ts.toString());
		item.put("value", value);
		if (flag != null) {
			item.put("flag", flag);
		}
		return item;
	}

	public static final class Builder {

		private final int port;

		private final JdbcClient jdbc;

		private final SensorCatalog catalog;

		private final List<String> sensors = new ArrayList<>();

		private Double rangeMin = 0.0;

		private Double rangeMax = 100.0;

		private Builder(int port, JdbcClient jdbc, SensorCatalog catalog) {
			this.port = port;
			this.jdbc = jdbc;
			this.catalog = catalog;
		}

		/** Sensors of unit %LEL with physical range 0..100, coded {@code <enterprise>-<name>}. */
		public Builder sensors(String... names) {
			sensors.addAll(List.of(names));
			return this;
		}

		public TestEnterprise create() {
			Api admin = Api.at(port).as("admin", "admin-password");
			String code = "ent" + UUID.randomUUID().toString().substring(0, 8);
			Api.Response region = admin.post("/api/v1/organisations",
					Map.of("code", "r" + code, "name", "属地 " + code, "kind", "region"));
			assertThat(region.status()).as(region.body()).isEqualTo(201);
			Api.Response created = admin.post("/api/v1/organisations", Map.of("code", code, "name", "企业 " + code,
					"kind", "enterprise", "parent", "r" + code, "industries", List.of("gas")));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = created.json().get("id").asLong();
			Api.Response key = admin.post("/api/v1/enterprises/" + code + "/api-keys", Map.of("name", "gateway"));
			assertThat(key.status()).as(key.body()).isEqualTo(201);
			for (String name : sensors) {
				jdbc.sql("""
						insert into sensors (code, name, type, enterprise_id, unit, interval_seconds, range_min, range_max)
						values (:code, :code, 'combustible_gas', :enterprise, '%LEL', 60, :min, :max)""")
					.param("code", code + "-" + name).param("enterprise", id).param("min", rangeMin)
					.param("max", rangeMax).update();
			}
			catalog.invalidate();
			return new TestEnterprise(code, id, key.json().get("secret").asString(), jdbc);
		}
	}
}
