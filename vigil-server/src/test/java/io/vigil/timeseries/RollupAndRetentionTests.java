package io.vigil.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.vigil.VigilTest;
import io.vigil.timeseries.ReadingQueries.Resolution;
import io.vigil.timeseries.ReadingQueries.Rollup;
import io.vigil.timeseries.TestSensors.Sensor;
import io.vigil.timeseries.internal.DayPartitions;
import io.vigil.timeseries.internal.Rollups;
import io.vigil.timeseries.internal.TimeseriesMaintenance;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.vigil.timeseries.ReadingStoreTests.admin;
import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
class RollupAndRetentionTests {

	@Autowired
	ReadingStore store;

	@Autowired
	ReadingQueries queries;

	@Autowired
	Rollups rollups;

	@Autowired
	TimeseriesMaintenance maintenance;

	@Autowired
	DayPartitions partitions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void rollUpsCoverValidReadingsAndFollowLateOnes() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(10);
		Instant hour = Instant.parse("2025-04-01T10:00:00Z");
		store.append(List.of(sensor.at(hour.plusSeconds(10), 3), sensor.at(hour, 1), sensor.at(hour.plusSeconds(20), 2),
				sensor.invalidAt(hour.plusSeconds(30), 100), sensor.at(hour.plusSeconds(65), 10))).join();
		// Marked this instant: the scheduled job waits until the minutes have been quiet for the grace.
		rollups.run();
		assertThat(minutes(sensor, hour)).isEmpty();
		rollups.run(Duration.ZERO);

		assertThat(minutes(sensor, hour)).containsExactly(new Rollup(hour, 1, 3, 2, 3),
				new Rollup(hour.plusSeconds(60), 10, 10, 10, 1));
		assertThat(hours(sensor, hour)).containsExactly(new Rollup(hour, 1, 10, 4, 4));

		// Late and duplicate readings, after the minute was rolled up: the roll-up follows, once.
		store.append(List.of(sensor.at(hour.plusSeconds(40), 0), sensor.at(hour, 1000))).join();
		rollups.run(Duration.ZERO);

		assertThat(minutes(sensor, hour).get(0)).isEqualTo(new Rollup(hour, 0, 3, 1.5, 4));
		assertThat(hours(sensor, hour)).containsExactly(new Rollup(hour, 0, 10, 3.2, 5));
	}

	@Test
	void aLateReadingAfterTheRollUpIsMergedIntoItsMinuteAndHour() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(10);
		Instant hour = Instant.parse("2025-04-03T10:00:00Z");
		store.append(List.of(sensor.at(hour, 4), sensor.at(hour.plusSeconds(10), 6),
				sensor.at(hour.plusSeconds(120), 2))).join();
		double merged = rolledUp("merged");
		rollups.run(Duration.ZERO);
		assertThat(rolledUp("merged") - merged).isGreaterThanOrEqualTo(2);

		store.append(List.of(sensor.at(hour.plusSeconds(30), 11), sensor.at(hour.plusSeconds(125), 1))).join();
		store.append(List.of(sensor.at(hour.plusSeconds(40), -1))).join();
		rollups.run(Duration.ZERO);

		assertThat(minutes(sensor, hour)).containsExactly(new Rollup(hour, -1, 11, 5, 4),
				new Rollup(hour.plusSeconds(120), 1, 2, 1.5, 2));
		assertThat(hours(sensor, hour)).containsExactly(new Rollup(hour, -1, 11, 23 / 6.0, 6));
	}

	@Test
	void aMinuteMarkedBeforeTheWriterKnewOfItIsRecomputedFromRaw() throws Exception {
		// As after a crash between a commit and the writer's counting: a stored reading and its minute's mark.
		Sensor sensor = new TestSensors(jdbc).sensor(10);
		Instant minute = Instant.parse("2025-04-04T10:00:00Z");
		partitions.ensure(DayPartitions.READINGS, List.of(LocalDate.ofInstant(minute, ZoneOffset.UTC)));
		jdbc.sql("insert into readings (sensor_id, ts, value, flag, valid, out_of_range) "
				+ "values (:id, :ts, 100, 'N', true, false)").param("id", sensor.id())
			.param("ts", minute.plusSeconds(5).atOffset(ZoneOffset.UTC)).update();
		jdbc.sql("insert into rollup_pending (minute, version, marked_at) values (:m, 1, now())")
			.param("m", minute.atOffset(ZoneOffset.UTC)).update();

		store.append(List.of(sensor.at(minute.plusSeconds(20), 2))).join();
		double recomputed = rolledUp("recomputed");
		rollups.run(Duration.ZERO);

		assertThat(rolledUp("recomputed") - recomputed).isGreaterThanOrEqualTo(1);
		assertThat(minutes(sensor, minute)).containsExactly(new Rollup(minute, 2, 100, 51, 2));
		assertThat(hours(sensor, minute)).containsExactly(new Rollup(minute, 2, 100, 51, 2));
	}

	@Test
	void minutesStillFillingAreNotRolledUpYet() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(10);
		Instant now = Instant.now();
		store.append(List.of(sensor.at(now, 1))).join();
		rollups.run(Duration.ZERO);

		assertThat(minutes(sensor, now.truncatedTo(ChronoUnit.HOURS))).isEmpty();
		assertThat(jdbc.sql("select count(*) from rollup_pending where minute = :m")
			.param("m", now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void retentionDropsWholeDaysOlderThanConfigured() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		Instant old = Instant.now().minus(500, ChronoUnit.DAYS);
		Instant kept = Instant.now().minus(300, ChronoUnit.DAYS);
		store.append(List.of(sensor.at(old, 1), sensor.at(kept, 2))).join();
		LocalDate oldDay = LocalDate.ofInstant(old, ZoneOffset.UTC);
		assertThat(partitions.existing(DayPartitions.READINGS)).contains(oldDay);

		List<LocalDate> dropped = maintenance.applyRetention();

		assertThat(dropped).contains(oldDay);
		assertThat(partitions.existing(DayPartitions.READINGS)).doesNotContain(oldDay)
			.contains(LocalDate.ofInstant(kept, ZoneOffset.UTC));
		assertThat(jdbc.sql("select value from readings where sensor_id = :id").param("id", sensor.id())
			.query(Double.class).list()).containsExactly(2.0);
	}

	@Test
	void withoutDomainRetentionDaysArePlainPartitionsAndReadingsCarryTheirDomain() throws Exception {
		Sensor sensor = new TestSensors(jdbc).sensor(60);
		store.append(List.of(sensor.at(Instant.parse("2025-05-05T05:00:00Z"), 1))).join();

		assertThat(jdbc.sql("select relkind from pg_class where oid = to_regclass('readings_p20250505')")
			.query(String.class).single()).isEqualTo("r");
		assertThat(jdbc.sql("select d.code from readings r join reading_domains d on d.id = r.domain "
				+ "where r.sensor_id = :id").param("id", sensor.id()).query(String.class).single())
			.isEqualTo("hazchem_pipeline");
	}

	private double rolledUp(String how) {
		return meters.counter("vigil.timeseries.rollups.minutes", "how", how).count();
	}

	private List<Rollup> minutes(Sensor sensor, Instant hour) {
		return queries.rollups(admin(), sensor.code(), Resolution.MINUTE, hour, hour.plusSeconds(3600), 100).items();
	}

	private List<Rollup> hours(Sensor sensor, Instant hour) {
		return queries.rollups(admin(), sensor.code(), Resolution.HOUR, hour, hour.plusSeconds(3600), 100).items();
	}
}
