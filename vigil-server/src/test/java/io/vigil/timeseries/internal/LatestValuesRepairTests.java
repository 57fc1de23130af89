package io.vigil.timeseries.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.vigil.VigilTest;
import io.vigil.timeseries.ReadingStore;
import io.vigil.timeseries.SensorReading;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Latest values reach {@code sensor_latest} only every {@code latest-flush-interval}; between flushes they live in
 * memory. After a crash, the next start rebuilds them from the readings stored since the last flush.
 */
@VigilTest
class LatestValuesRepairTests {

	@Autowired
	ReadingStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void latestValuesNotYetFlushedAreRebuiltAfterACrash() {
		String code = "repair-" + UUID.randomUUID().toString().substring(0, 8);
		long enterprise = jdbc.sql("insert into organisations (code, name, kind, path) values (:code, :code, "
				+ "'enterprise', '/') returning id").param("code", code).query(Long.class).single();
		long sensor = jdbc.sql("insert into sensors (code, name, type, enterprise_id, unit, interval_seconds) "
				+ "values (:code, :code, 'combustible_gas', :enterprise, '%LEL', 60) returning id")
			.param("code", code).param("enterprise", enterprise).query(Long.class).single();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		store.append(List.of(reading(sensor, now.minusSeconds(20), 3), reading(sensor, now.minusSeconds(10), 4))).join();
		// The state a crash leaves: the last flush a minute ago, this sensor's newest reading only in memory.
		jdbc.sql("delete from sensor_latest where sensor_id = :id").param("id", sensor).update();
		jdbc.sql("update sensor_latest_flush set flushed_at = now() - interval '1 minute', clean = false").update();

		new LatestValues(jdbc); // what the next start does first

		assertThat(jdbc.sql("select value from sensor_latest where sensor_id = :id").param("id", sensor)
			.query(Double.class).optional()).contains(4.0);
	}

	private static SensorReading reading(long sensor, Instant ts, double value) {
		return new SensorReading(sensor, ts, value, "N", true, false, "hazchem_pipeline");
	}
}
