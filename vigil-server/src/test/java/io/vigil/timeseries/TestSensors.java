package io.vigil.timeseries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates enterprises, assets and sensors straight in the database with unique codes (the test
 * context is shared), and readings with sensible defaults.
 */
final class TestSensors {

	/** A sensor and the domain its readings are filed under (as the catalog would resolve it). */
	record Sensor(long id, String code, long enterpriseId, String enterpriseCode, String domain) {

		SensorReading at(Instant ts, double value) {
			return new SensorReading(id, ts, value, "N", true, false, domain);
		}

		SensorReading invalidAt(Instant ts, double value) {
			return new SensorReading(id, ts, value, "F", false, false, domain);
		}
	}

	private final JdbcClient jdbc;

	private final String prefix = "ts" + UUID.randomUUID().toString().substring(0, 8);

	private int next;

	TestSensors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long enterprise(String code) {
		long id = jdbc.sql("insert into organisations (code, name, kind, path) values (:code, :code, 'enterprise', '/') "
				+ "returning id").param("code", code).query(Long.class).single();
		jdbc.sql("update organisations set path = '/' || id || '/' where id = :id").param("id", id).update();
		return id;
	}

	String uniqueCode(String what) {
		return prefix + "-" + what + "-" + (++next);
	}

	long asset(long enterpriseId, String code) {
		return asset(enterpriseId, code, "hazchem_pipeline");
	}

	long asset(long enterpriseId, String code, String domain) {
		return jdbc.sql("insert into assets (code, name, type, domain, enterprise_id) "
				+ "values (:code, :code, 'tank', :domain, :enterprise) returning id")
			.param("code", code).param("domain", domain).param("enterprise", enterpriseId).query(Long.class).single();
	}

	/** A sensor of an asset of {@code domain}, in an enterprise of its own. */
	Sensor sensorIn(String domain) {
		String enterpriseCode = uniqueCode("ent");
		long enterprise = enterprise(enterpriseCode);
		long asset = asset(enterprise, uniqueCode("asset"), domain);
		Sensor sensor = sensor(enterprise, enterpriseCode, asset, 60);
		return new Sensor(sensor.id(), sensor.code(), enterprise, enterpriseCode, domain);
	}

	Sensor sensor(int intervalSeconds) {
		String enterpriseCode = uniqueCode("ent");
		return sensor(enterprise(enterpriseCode), enterpriseCode, null, intervalSeconds);
	}

	Sensor sensor(long enterpriseId, String enterpriseCode, Long assetId, int intervalSeconds) {
		String code = uniqueCode("sensor");
		long id = jdbc.sql("insert into sensors (code, name, type, enterprise_id, asset_id, unit, interval_seconds) "
				+ "values (:code, :code, 'combustible_gas', :enterprise, :asset, '%LEL', :interval) returning id")
			.param("code", code).param("enterprise", enterpriseId).param("asset", assetId)
			.param("interval", intervalSeconds).query(Long.class).single();
		// combustible_gas is a type of the hazchem_pipeline pack; an asset's domain would win over it
		return new Sensor(id, code, enterpriseId, enterpriseCode, "hazchem_pipeline");
	}

	static List<SensorReading> series(Sensor sensor, Instant start, int count, long stepSeconds) {
		List<SensorReading> readings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			readings.add(sensor.at(start.plusSeconds(i * stepSeconds), i));
		}
		return readings;
	}
}
