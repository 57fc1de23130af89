package io.vigil.timeseries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import io.vigil.Api;
import io.vigil.VigilTest;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.DataScope;
import io.vigil.organisation.Role;
import io.vigil.platform.NotFoundException;
import io.vigil.timeseries.TestSensors.Sensor;
import io.vigil.timeseries.internal.DayPartitions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@VigilTest
class ReadingStoreTests {

	@LocalServerPort
	int port;

	@Autowired
	ReadingStore store;

	@Autowired
	ReadingQueries queries;

	@Autowired
	DayPartitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void acknowledgedReadingsAreStoredAndServedInTimeOrder() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
		store.append(List.of(sensor.at(start.plusSeconds(20), 2.5), sensor.at(start, 1.5),
				sensor.invalidAt(start.plusSeconds(10), 99))).join();

		Api.Response response = Api.at(port).as("admin", "admin-password")
			.get("/api/v1/sensors/" + sensor.code() + "/readings?from=" + start.minusSeconds(1) + "&to=" + start.plusSeconds(60));

		assertThat(response.status()).isEqualTo(200);
		var items = response.json().get("items");
		assertThat(items).hasSize(3);
		assertThat(items.get(0).get("ts").asString()).isEqualTo(start.toString());
		assertThat(items.get(0).get("value").asDouble()).isEqualTo(1.5);
		assertThat(items.get(0).get("flag").asString()).isEqualTo("N");
		assertThat(items.get(1).get("flag").asString()).isEqualTo("F");
		assertThat(items.get(1).get("valid").asBoolean()).isFalse();
		assertThat(items.get(2).get("value").asDouble()).isEqualTo(2.5);
	}

	@Test
	void theSameSensorAndTimeIsStoredOnce() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant ts = Instant.parse("2025-03-01T10:00:00Z");
		store.append(List.of(sensor.at(ts, 1), sensor.at(ts, 1))).join();
		store.append(List.of(sensor.at(ts, 7), sensor.at(ts.plusSeconds(1), 2))).join();

		assertThat(jdbc.sql("select count(*) from readings where sensor_id = :id").param("id", sensor.id())
			.query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select value from readings where sensor_id = :id and ts = :ts").param("id", sensor.id())
			.param("ts", ts.atOffset(ZoneOffset.UTC)).query(Double.class).single()).isEqualTo(1.0);
	}

	@Test
	void lateReadingsGetTheirDayPartitionAndLandInPlace() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant late = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		Instant early = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		store.append(List.of(sensor.at(late.plusSeconds(5), 2))).join();
		store.append(List.of(sensor.at(early, 3), sensor.at(late, 1))).join();

		assertThat(partitions.existing(DayPartitions.READINGS))
			.contains(LocalDate.ofInstant(late, ZoneOffset.UTC), LocalDate.ofInstant(early, ZoneOffset.UTC));
		var page = queries.raw(admin(), sensor.code(), late.minusSeconds(1), early.plusSeconds(1), 10);
		assertThat(page.items()).extracting(ReadingQueries.StoredReading::value).containsExactly(1.0, 2.0, 3.0);
	}

	@Test
	void rawReadingsCannotBeChangedOrDeleted() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		store.append(List.of(sensor.at(Instant.parse("2025-03-02T10:00:00Z"), 1))).join();

		assertThatThrownBy(() -> jdbc.sql("update readings set value = 2 where sensor_id = :id")
			.param("id", sensor.id()).update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from readings where sensor_id = :id")
			.param("id", sensor.id()).update()).rootCause().hasMessageContaining("append-only");
		assertThat(jdbc.sql("select value from readings where sensor_id = :id").param("id", sensor.id())
			.query(Double.class).single()).isEqualTo(1.0);
	}

	@Test
	void readersOutsideTheEnterpriseSeeNothing() {
		TestSensors data = new TestSensors(jdbc);
		Sensor sensor = data.sensor(60);
		long other = data.enterprise(data.uniqueCode("other"));
		CurrentUser outsider = new CurrentUser(999_999, "outsider", "Outsider", Role.ENTERPRISE_OPERATOR, other,
				DataScope.enterprise(other));
		Instant now = Instant.now();

		assertThatThrownBy(() -> queries.raw(outsider, sensor.code(), now.minusSeconds(60), now, 10))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> queries.latestOfEnterprise(outsider, sensor.enterpriseCode()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void badQueryParametersAreNamed() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Api admin = Api.at(port).as("admin", "admin-password");
		String base = "/api/v1/sensors/" + sensor.code() + "/readings";

		assertThat(admin.get(base + "?from=yesterday").body()).contains("from");
		assertThat(admin.get(base + "?from=yesterday").status()).isEqualTo(400);
		assertThat(admin.get(base + "?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z").status()).isEqualTo(400);
		assertThat(admin.get(base + "?limit=0").status()).isEqualTo(400);
		assertThat(admin.get(base + "?resolution=5m").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/sensors/no-such-sensor/readings").status()).isEqualTo(404);
	}

	@Test
	void limitTruncatesTheSeries() {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant start = Instant.parse("2025-03-03T00:00:00Z");
		store.append(TestSensors.series(sensor, start, 5, 1)).join();

		var page = queries.raw(admin(), sensor.code(), start, start.plusSeconds(60), 3);

		assertThat(page.items()).hasSize(3);
		assertThat(page.truncated()).isTrue();
		assertThat(Set.copyOf(page.items())).hasSize(3);
	}

	static CurrentUser admin() {
		return new CurrentUser(1, "admin", "Admin", Role.PLATFORM_ADMIN, null, DataScope.EVERYTHING);
	}
}
