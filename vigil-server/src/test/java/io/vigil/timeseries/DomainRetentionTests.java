package io.vigil.timeseries;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.vigil.VigilTest;
import io.vigil.platform.InvalidInputException;
import io.vigil.registry.NewSensor;
import io.vigil.registry.SensorCatalog;
import io.vigil.registry.SensorRegistry;
import io.vigil.timeseries.TestSensors.Sensor;
import io.vigil.timeseries.internal.TimeseriesMaintenance;
import io.vigil.warning.FixedClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static io.vigil.timeseries.ReadingStoreTests.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-domain retention of raw readings: gas is kept 30 days, water 800, everything else the global 400.
 * Retention and partition creation are run by hand on the hand-moved clock.
 */
@VigilTest
@Import(FixedClockConfig.class)
@TestPropertySource(properties = { "vigil.timeseries.domain-retention.gas=30d",
		"vigil.timeseries.domain-retention.water=800d", "vigil.timeseries.maintenance-interval=1000d" })
class DomainRetentionTests {

	private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

	@Autowired
	ReadingStore store;

	@Autowired
	TimeseriesMaintenance maintenance;

	@Autowired
	SensorCatalog catalog;

	@Autowired
	SensorRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestSensors data;

	@BeforeEach
	void at() {
		FixedClockConfig.CLOCK.set(NOW);
		data = new TestSensors(jdbc);
	}

	@Test
	void aDomainWithAShortRetentionLosesItsOldDaysWhileOtherDomainsOfTheSameDaySurvive() throws Exception {
		Sensor gas = data.sensorIn("gas");
		Sensor water = data.sensorIn("water");
		Sensor hazchem = data.sensor(60);
		Instant fortyDaysAgo = Instant.parse("2026-01-21T08:00:00Z");
		Instant tenDaysAgo = Instant.parse("2026-02-20T08:00:00Z");
		store.append(List.of(gas.at(fortyDaysAgo, 1), water.at(fortyDaysAgo, 2), hazchem.at(fortyDaysAgo, 3),
				gas.at(tenDaysAgo, 4))).join();

		List<LocalDate> dropped = maintenance.applyRetention();

		assertThat(values(gas)).containsExactly(4.0);
		assertThat(values(water)).containsExactly(2.0);
		assertThat(values(hazchem)).containsExactly(3.0);
		assertThat(dropped).doesNotContain(LocalDate.parse("2026-01-21"));
		assertThat(subPartitions("readings_p20260121")).containsExactlyInAnyOrder("readings_p20260121_default",
				"readings_p20260121_water");
		assertThat(subPartitions("readings_p20260220")).contains("readings_p20260220_gas");
	}

	@Test
	void theGlobalRetentionStillAppliesAndALongerDomainRetentionOutlivesIt() throws Exception {
		Sensor water = data.sensorIn("water");
		Sensor hazchem = data.sensor(60);
		Instant yearAndAHalfAgo = Instant.parse("2024-09-01T08:00:00Z"); // 547 days: past 400, within 800
		Instant threeYearsAgo = Instant.parse("2023-03-01T08:00:00Z");
		store.append(List.of(water.at(yearAndAHalfAgo, 1), hazchem.at(yearAndAHalfAgo, 2), water.at(threeYearsAgo, 3),
				hazchem.at(threeYearsAgo, 4))).join();

		List<LocalDate> dropped = maintenance.applyRetention();

		assertThat(values(water)).containsExactly(1.0);
		assertThat(values(hazchem)).isEmpty();
		assertThat(dropped).contains(LocalDate.parse("2023-03-01")).doesNotContain(LocalDate.parse("2024-09-01"));
		assertThat(subPartitions("readings_p20240901")).containsExactly("readings_p20240901_water");

		// A late reading for a day whose default sub-partition is gone gets it back instead of failing its batch.
		store.append(List.of(hazchem.at(yearAndAHalfAgo.plusSeconds(1), 5))).join();
		assertThat(values(hazchem)).containsExactly(5.0);
	}

	@Test
	void readingsOnDomainPartitionsStayAppendOnly() {
		Sensor gas = data.sensorIn("gas");
		Instant ts = Instant.parse("2026-03-01T10:00:00Z");
		store.append(List.of(gas.at(ts, 1))).join();

		assertThatThrownBy(() -> jdbc.sql("update readings set value = 2 where sensor_id = :id").param("id", gas.id())
			.update()).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from readings_p20260301_gas where sensor_id = :id")
			.param("id", gas.id()).update()).rootCause().hasMessageContaining("append-only");
		assertThat(values(gas)).containsExactly(1.0);
	}

	@Test
	void theSameSensorAndTimeIsStoredOnceInADomainPartition() {
		Sensor gas = data.sensorIn("gas");
		Instant ts = Instant.parse("2026-03-01T11:00:00Z");
		store.append(List.of(gas.at(ts, 1), gas.at(ts, 1))).join();
		// COPY meets the stored row and the writer falls back to INSERT … ON CONFLICT, keeping the new one.
		store.append(List.of(gas.at(ts, 7), gas.at(ts.plusSeconds(1), 2))).join();

		assertThat(values(gas)).containsExactly(1.0, 2.0);
	}

	@Test
	void newDaysAreCreatedOnDemandWithASubPartitionPerConfiguredDomain() {
		Sensor hazchem = data.sensor(60);
		store.append(List.of(hazchem.at(Instant.parse("2025-07-07T07:00:00Z"), 1))).join();

		assertThat(subPartitions("readings_p20250707")).containsExactlyInAnyOrder("readings_p20250707_default",
				"readings_p20250707_gas", "readings_p20250707_water");
		assertThat(jdbc.sql("select count(*) from readings_p20250707_default where sensor_id = :id")
			.param("id", hazchem.id()).query(Long.class).single()).isEqualTo(1);
		// each one keeps (sensor, ts) unique on its own: the key of readings cannot (see V12)
		assertThat(jdbc.sql("""
				select count(*) from pg_indexes where tablename like 'readings\\_p20250707\\_%'
				and indexname like '%pkey' and indexdef like '%(sensor_id, ts)'""").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void comingDaysCreatedBeforeADomainWasConfiguredGetItsSubPartitionButPastDaysDoNot() throws Exception {
		// As nodes configured differently would have made them: today and the 4th divided without gas,
		// the 5th not divided at all (no domain retention configured).
		for (String day : List.of("20260302", "20260304", "20260305")) {
			jdbc.sql("drop table if exists readings_p" + day).update();
			jdbc.sql("create table readings_p" + day + range(day)
					+ (day.equals("20260305") ? "" : " partition by list (domain)")).update();
			if (!day.equals("20260305")) {
				jdbc.sql("create table readings_p" + day + "_default partition of readings_p" + day
						+ " (primary key (sensor_id, ts)) default").update();
			}
		}

		maintenance.createAhead();

		assertThat(subPartitions("readings_p20260304")).contains("readings_p20260304_gas", "readings_p20260304_water");
		assertThat(subPartitions("readings_p20260305")).containsExactlyInAnyOrder("readings_p20260305_default",
				"readings_p20260305_gas", "readings_p20260305_water");
		assertThat(subPartitions("readings_p20260302")).containsExactly("readings_p20260302_default");
		Sensor gas = data.sensorIn("gas");
		store.append(List.of(gas.at(NOW, 1), gas.at(Instant.parse("2026-03-04T01:00:00Z"), 2))).join();
		assertThat(jdbc.sql("select count(*) from readings_p20260304_gas").query(Long.class).single()).isEqualTo(1);
		assertThat(values(gas)).containsExactly(1.0, 2.0);
	}

	private static String range(String day) {
		LocalDate date = LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE);
		return " partition of readings for values from ('" + date + "T00:00:00Z') to ('" + date.plusDays(1)
				+ "T00:00:00Z')";
	}

	@Test
	void theCatalogKnowsEachSensorsDomain() {
		assertThat(catalog.byCode(data.sensorIn("gas").code()).orElseThrow().domain()).isEqualTo("gas");
		// without an asset: the pack of its type (combustible_gas belongs to hazchem_pipeline)
		assertThat(catalog.byCode(data.sensor(60).code()).orElseThrow().domain()).isEqualTo("hazchem_pipeline");
	}

	@Test
	void aSensorCannotMoveToAnAssetOfAnotherDomain() {
		Sensor gas = data.sensorIn("gas");
		String waterAsset = data.uniqueCode("asset");
		data.asset(gas.enterpriseId(), waterAsset, "water");

		assertThatThrownBy(() -> registry.update(admin(), gas.code(), new NewSensor(null, "moved", "combustible_gas",
				null, waterAsset, "%LEL", null, null, 60, null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("domain gas to water");
	}

	private List<Double> values(Sensor sensor) {
		return jdbc.sql("select value from readings where sensor_id = :id order by ts").param("id", sensor.id())
			.query(Double.class).list();
	}

	private List<String> subPartitions(String day) {
		return jdbc.sql("""
				select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
				where i.inhparent = to_regclass(:day) order by c.relname""").param("day", day).query(String.class).list();
	}
}
