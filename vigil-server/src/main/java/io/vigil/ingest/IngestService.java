package io.vigil.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.vigil.ingest.internal.IngestMetrics;
import io.vigil.ingest.internal.Quarantine;
import io.vigil.ingest.internal.ReadingValidation;
import io.vigil.timeseries.ReadingStore;
import io.vigil.timeseries.SensorReading;
import io.vigil.timeseries.StoreOverloadedException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The one path every channel takes: validate each item, store the good ones, and answer only once they are
 * durable. Refused items and payloads are counted and quarantined.
 *
 * <p>The future fails with {@link StoreOverloadedException} when the store is full; each channel turns that into
 * its own kind of push-back (HTTP 503 with Retry-After, a delayed MQTT acknowledgement, a blocked HJ 212
 * connection). Nothing of such a batch was stored, or everything will be: the store makes resending safe.
 */
@Service
public class IngestService {

	private final ReadingValidation validation;

	private final ObjectProvider<ReadingStore> store;

	private final Quarantine quarantine;

	private final IngestMetrics metrics;

	IngestService(ReadingValidation validation, ObjectProvider<ReadingStore> store, Quarantine quarantine,
			IngestMetrics metrics) {
		this.validation = validation;
		this.store = store;
		this.quarantine = quarantine;
		this.metrics = metrics;
	}

	/**
	 * Validates and stores a batch from an identified enterprise; completes once the accepted readings are durable,
	 * or fails at once with {@link StoreOverloadedException} when the store is full.
	 */
	public CompletableFuture<IngestResult> ingest(IngestChannel channel, Sender sender, List<RawReading> items) {
		return ingest(channel, sender, items, Duration.ZERO, null);
	}

	/**
	 * As {@link #ingest(IngestChannel, Sender, List)}, but while the store is full it waits as long as the store
	 * asks and tries again, for at most {@code patience}: for channels whose way of pushing back is to answer late.
	 * @param payload the message the items came in, kept with quarantined items when they are not self-explanatory
	 *     (an HJ 212 frame), or null
	 */
	public CompletableFuture<IngestResult> ingest(IngestChannel channel, Sender sender, List<RawReading> items,
			Duration patience, String payload) {
		ReadingValidation.Checked checked = validation.check(sender, items);
		for (Rejection rejection : checked.rejections()) {
			metrics.rejected(channel, rejection.code());
			quarantine.keep(channel, sender.enterpriseId(), rejection.code(), rejection.reason(), rejection.index(),
					describe(items.get(rejection.index())) + (payload == null ? "" : " in " + payload));
		}
		List<SensorReading> readings = checked.readings();
		IngestResult result = new IngestResult(readings.size(), checked.rejections());
		if (readings.isEmpty()) {
			return CompletableFuture.completedFuture(result);
		}
		CompletableFuture<Void> durable = append(readings, System.nanoTime() + patience.toNanos());
		int outsideRange = (int) readings.stream().filter(SensorReading::outOfRange).count();
		return durable.thenApply(stored -> {
			metrics.accepted(channel, readings.size(), outsideRange);
			return result;
		});
	}

	/**
	 * Records a payload refused as a whole (malformed, oversized, unauthorised); the channel tells the sender.
	 * @param enterpriseId the sender, when known
	 */
	public void refuse(IngestChannel channel, Long enterpriseId, RejectCode code, String reason, String raw) {
		metrics.rejected(channel, code);
		quarantine.keep(channel, enterpriseId, code, reason, null, raw);
	}

	private CompletableFuture<Void> append(List<SensorReading> readings, long deadline) {
		CompletableFuture<Void> durable;
		try {
			durable = store().append(readings);
		}
		catch (StoreOverloadedException e) {
			durable = CompletableFuture.failedFuture(e);
		}
		return durable.exceptionallyCompose(failure -> {
			Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
					: failure;
			if (!(cause instanceof StoreOverloadedException overloaded)) {
				return CompletableFuture.failedFuture(cause);
			}
			long wait = Math.max(overloaded.retryAfter().toNanos(), 10_000_000L);
			if (System.nanoTime() + wait - deadline > 0) {
				return CompletableFuture.failedFuture(overloaded);
			}
			Executor later = CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS);
			return CompletableFuture.supplyAsync(() -> null, later).thenCompose(ignored -> append(readings, deadline));
		});
	}

	private ReadingStore store() {
		ReadingStore available = store.getIfAvailable();
		if (available == null) {
			// Only while the application is being assembled; answered like an overload so that senders retry.
			throw new StoreOverloadedException(Duration.ofSeconds(5));
		}
		return available;
	}

	private static String describe(RawReading item) {
		StringBuilder text = new StringBuilder("{");
		field(text, "sensor", item.sensor() == null ? null : "\"" + item.sensor() + "\"");
		field(text, "ts", item.ts() == null ? null : "\"" + item.ts() + "\"");
		field(text, "value", item.value() == null ? null : String.valueOf(item.value()));
		field(text, "flag", item.flag() == null ? null : "\"" + item.flag() + "\"");
		return text.append('}').toString();
	}

	private static void field(StringBuilder text, String name, String value) {
		if (value != null) {
			text.append(text.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
		}
	}
}
