package io.vigil.timeseries;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the time-series store ({@code vigil.timeseries.*}).
 *
 * @param queueCapacity readings that may wait for the writer (including the batch being written);
 * beyond it {@link ReadingStore#append} fails at once with {@link StoreOverloadedException}
 * @param maxBatch most readings the writer puts in one transaction
 * @param retryAfter what overloaded callers are told to wait
 * @param latestFlushInterval how often the newest reading per sensor is written to {@code sensor_latest}
 * (queries see newer ones at once; one row per sensor per interval keeps large fleets cheap: a flush of 100,000
 * sensors costs PostgreSQL about 0.3 s; after a crash the rows since the last flush are read back at start)
 * @param retention how long raw readings are kept; whole UTC-day partitions older than this are
 * dropped
 * @param domainRetention how long raw readings of a domain (domain pack code) are kept instead, shorter or
 * longer; such a domain gets sub-partitions of its own in the day partitions created from then on
 * (codes with an underscore need the bracket form, {@code domain-retention[hazchem_pipeline]=30d}, or are
 * matched to the pack code with the underscores left out)
 * @param minuteRollupRetention how long 1-minute roll-ups are kept (day partitions, dropped)
 * @param hourRollupRetention how long 1-hour roll-ups are kept
 * @param partitionsAhead how many future days get their partitions created in advance
 * @param maintenanceInterval how often partitions are created ahead and retention is applied
 * @param rollupInterval how often changed minutes are rolled up
 * @param rollupGrace how long after a minute ends before it is rolled up (lets the minute fill)
 * @param offlineAfterIntervals a sensor is offline when silent for this many reporting intervals
 * @param queryDefaultLimit items returned by a series query without {@code limit}
 * @param queryMaxLimit largest {@code limit} a series query accepts
 */
@ConfigurationProperties("vigil.timeseries")
public record TimeseriesSettings(
		@DefaultValue("200000") int queueCapacity,
		@DefaultValue("50000") int maxBatch,
		@DefaultValue("1s") Duration retryAfter,
		@DefaultValue("30s") Duration latestFlushInterval,
		@DefaultValue("400d") Duration retention,
		@DefaultValue Map<String, Duration> domainRetention,
		@DefaultValue("90d") Duration minuteRollupRetention,
		@DefaultValue("1825d") Duration hourRollupRetention,
		@DefaultValue("3") int partitionsAhead,
		@DefaultValue("1h") Duration maintenanceInterval,
		@DefaultValue("10s") Duration rollupInterval,
		@DefaultValue("5s") Duration rollupGrace,
		@DefaultValue("3") int offlineAfterIntervals,
		@DefaultValue("10000") int queryDefaultLimit,
		@DefaultValue("100000") int queryMaxLimit) {

	private static final Pattern DOMAIN = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	public TimeseriesSettings {
		if (queueCapacity < 1 || maxBatch < 1) {
			throw new IllegalArgumentException("vigil.timeseries.queue-capacity and max-batch must be positive");
		}
		if (retention.toDays() < 1) {
			throw new IllegalArgumentException("vigil.timeseries.retention must be at least one day");
		}
		domainRetention = domainRetention == null ? Map.of() : Map.copyOf(domainRetention);
		domainRetention.forEach((domain, kept) -> {
			if (!DOMAIN.matcher(domain).matches()) {
				throw new IllegalArgumentException("vigil.timeseries.domain-retention: '" + domain
						+ "' is not a domain pack code");
			}
			if (kept.toDays() < 1) {
				throw new IllegalArgumentException("vigil.timeseries.domain-retention." + domain
						+ " must be at least one day");
			}
		});
	}
}
