package io.vigil.timeseries.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigil.timeseries.TimeseriesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's background work on one thread of its own: day partitions created ahead of time,
 * retention (whole partitions dropped), and the roll-up job.
 */
@Component
public class TimeseriesMaintenance implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TimeseriesMaintenance.class);

	private final DayPartitions partitions;

	private final DomainRetention retention;

	private final Rollups rollups;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TimeseriesSettings settings;

	private ScheduledExecutorService scheduler;

	TimeseriesMaintenance(DayPartitions partitions, DomainRetention retention, Rollups rollups, JdbcClient jdbc,
			Clock clock, TimeseriesSettings settings) {
		this.partitions = partitions;
		this.retention = retention;
		this.rollups = rollups;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Creates the partitions from yesterday to {@code partitions-ahead} days from today, and gives the
	 * coming days created before a domain got a retention of its own that domain's sub-partition.
	 */
	public void createAhead() throws SQLException {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		List<LocalDate> days = new ArrayList<>();
		for (int i = -1; i <= settings.partitionsAhead(); i++) {
			days.add(today.plusDays(i));
		}
		partitions.ensure(DayPartitions.READINGS, days);
		partitions.ensure(DayPartitions.MINUTE_ROLLUPS, days);
		retention.addToComingDays(today);
	}

	/**
	 * Drops raw (per domain, see {@link DomainRetention#dropExpired}) and 1-minute partitions of days
	 * that ended longer ago than their retention, and 1-hour roll-ups older than theirs. Returns the raw
	 * days dropped entirely.
	 */
	public List<LocalDate> applyRetention() throws SQLException {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		List<LocalDate> dropped = retention.dropExpired(today);
		partitions.dropBefore(DayPartitions.MINUTE_ROLLUPS, today.minusDays(settings.minuteRollupRetention().toDays()));
		jdbc.sql("delete from rollup_1h where bucket < :cutoff")
			.param("cutoff", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(settings.hourRollupRetention()))
			.update();
		return dropped;
	}

	private void guarded(String what, Task task) {
		try {
			task.run();
		}
		catch (Exception e) {
			log.warn("Time-series maintenance ({}) failed; will retry", what, e);
		}
	}

	private interface Task {

		void run() throws Exception;
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "vigil-timeseries-maintenance");
			thread.setDaemon(true);
			return thread;
		});
		guarded("partitions", this::createAhead);
		long maintenance = settings.maintenanceInterval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> {
			guarded("partitions", this::createAhead);
			guarded("retention", this::applyRetention);
		}, 0, maintenance, TimeUnit.MILLISECONDS);
		long rollup = settings.rollupInterval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> guarded("roll-ups", rollups::run), rollup, rollup,
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
