package io.vigil.ingest.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.RejectCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps refused items and payloads in {@code ingest_quarantine}. Writing happens on a background thread from a
 * bounded queue, so that a gateway sending nothing but garbage can neither slow the ingest path nor exhaust
 * memory: when the queue is full, entries are dropped and counted ({@code vigil.ingest.quarantine.dropped}).
 * The quarantine is for inspection, not a promise; the rejection itself always reaches the sender.
 */
@Component
public class Quarantine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Quarantine.class);

	private static final int QUEUE = 10_000;

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IngestSettings settings;

	private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);

	private final Counter dropped;

	private volatile Thread writer;

	private volatile boolean running;

	private record Entry(Long enterpriseId, IngestChannel channel, Instant at, RejectCode code, String reason,
			Integer index, String raw) {
	}

	Quarantine(JdbcClient jdbc, Clock clock, IngestSettings settings, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.dropped = Counter.builder("vigil.ingest.quarantine.dropped")
			.description("Quarantine entries dropped because the quarantine writer fell behind").register(meters);
	}

	/** Queues an entry; never blocks. {@code raw} is truncated to {@code vigil.ingest.quarantine-raw-bytes}. */
	public void keep(IngestChannel channel, Long enterpriseId, RejectCode code, String reason, Integer index, String raw) {
		String kept = raw == null ? "" : truncate(raw.replace('\0', ' '), settings.quarantineRawBytes());
		if (!queue.offer(new Entry(enterpriseId, channel, clock.instant(), code, reason, index, kept))) {
			dropped.increment();
		}
	}

	@Override
	public synchronized void start() {
		running = true;
		writer = new Thread(this::drain, "ingest-quarantine");
		writer.setDaemon(true);
		writer.start();
	}

	@Override
	public synchronized void stop() {
		running = false;
		Thread thread = writer;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void drain() {
		long nextCleanup = 0;
		List<Entry> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Entry first = queue.poll(1, TimeUnit.SECONDS);
				if (first != null) {
					batch.add(first);
					queue.drainTo(batch, BATCH - 1);
					write(batch);
					batch.clear();
				}
				if (System.nanoTime() - nextCleanup > 0) {
					deleteOld();
					nextCleanup = System.nanoTime() + Duration.ofHours(1).toNanos();
				}
			}
			catch (InterruptedException e) {
				if (!running) {
					queue.drainTo(batch);
					write(batch);
					return;
				}
			}
			catch (RuntimeException e) {
				log.warn("Could not write {} quarantine entries: {}", batch.size(), e.getMessage());
				batch.clear();
			}
		}
	}

	private void write(List<Entry> batch) {
		if (batch.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder(
				"insert into ingest_quarantine (enterprise_id, channel, received_at, code, reason, item_index, raw) values ");
		List<Object> params = new ArrayList<>(batch.size() * 7);
		for (int i = 0; i < batch.size(); i++) {
			Entry entry = batch.get(i);
			sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?)");
			params.add(entry.enterpriseId());
			params.add(entry.channel().code());
			params.add(Timestamp.from(entry.at()));
			params.add(entry.code().tag());
			params.add(entry.reason());
			params.add(entry.index());
			params.add(entry.raw());
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	private void deleteOld() {
		jdbc.sql("delete from ingest_quarantine where received_at < ?")
			.param(Timestamp.from(clock.instant().minus(settings.quarantineRetention()))).update();
	}

	static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max) + "…";
	}
}
