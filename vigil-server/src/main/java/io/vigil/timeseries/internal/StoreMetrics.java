package io.vigil.timeseries.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/** The store's meters, all under {@code vigil.timeseries.*}. */
@Component
class StoreMetrics {

	private final MeterRegistry registry;

	private final Counter stored;

	private final Counter duplicates;

	private final Counter failed;

	private final Counter rejected;

	private final Counter batches;

	private final DistributionSummary batchSize;

	private final Timer writeLatency;

	private final Timer ackLatency;

	private final Counter merged;

	private final Counter recomputed;

	StoreMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.stored = Counter.builder("vigil.timeseries.readings.stored")
			.description("Readings newly stored (duplicates excluded)").register(registry);
		this.duplicates = Counter.builder("vigil.timeseries.readings.duplicate")
			.description("Readings whose (sensor, ts) was already stored").register(registry);
		this.failed = Counter.builder("vigil.timeseries.readings.failed")
			.description("Readings in batches whose transaction failed (not acknowledged)").register(registry);
		this.rejected = Counter.builder("vigil.timeseries.readings.rejected")
			.description("Readings refused because the queue was full").register(registry);
		this.batches = Counter.builder("vigil.timeseries.batches").description("Committed batches")
			.register(registry);
		this.batchSize = DistributionSummary.builder("vigil.timeseries.batch.size").baseUnit("readings")
			.description("Readings per committed transaction").register(registry);
		this.writeLatency = Timer.builder("vigil.timeseries.write.latency")
			.description("COPY, insert, latest, commit of one batch").publishPercentiles(0.5, 0.99).register(registry);
		this.ackLatency = Timer.builder("vigil.timeseries.ack.latency")
			.description("From append to durable commit, per request").publishPercentiles(0.5, 0.99)
			.register(registry);
		this.merged = Counter.builder("vigil.timeseries.rollups.minutes").tag("how", "merged")
			.description("Minutes rolled up from what the writer counted").register(registry);
		this.recomputed = Counter.builder("vigil.timeseries.rollups.minutes").tag("how", "recomputed")
			.description("Minutes rolled up by reading their raw readings again").register(registry);
	}

	void queueDepth(Supplier<Number> depth) {
		Gauge.builder("vigil.timeseries.queue.depth", depth).baseUnit("readings")
			.description("Readings waiting for (or in) the writer").register(registry);
	}

	void stored(int readings, int inserted, long nanos) {
		stored.increment(inserted);
		duplicates.increment(readings - inserted);
		batches.increment();
		batchSize.record(readings);
		writeLatency.record(nanos, TimeUnit.NANOSECONDS);
	}

	void acknowledged(long nanos) {
		ackLatency.record(nanos, TimeUnit.NANOSECONDS);
	}

	void failed(int readings) {
		failed.increment(readings);
	}

	void rejected(int readings) {
		rejected.increment(readings);
	}

	void rolledUp(int mergedMinutes, int recomputedMinutes) {
		merged.increment(mergedMinutes);
		recomputed.increment(recomputedMinutes);
	}
}
