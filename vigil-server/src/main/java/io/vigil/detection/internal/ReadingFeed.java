package io.vigil.detection.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.vigil.detection.DetectionSettings;
import io.vigil.engine.Quality;
import io.vigil.engine.Reading;
import io.vigil.timeseries.ReadingsStored;
import io.vigil.timeseries.SensorReading;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands durably stored readings to the engine. The store's thread only enqueues them, in chunks of up to
 * {@value #CHUNK}, while the hand-off has room for them counted in readings (waiting at most {@code handoffWait}
 * when it has not; then the rest are counted and logged as not judged, they remain stored); a dispatcher thread
 * maps sensor ids to codes and submits. Invalid-flagged and
 * out-of-range readings enter as {@link Quality#INVALID}, so only data-quality rules look at them.
 */
@Component
public class ReadingFeed implements ReadingsStored, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadingFeed.class);

	private final DetectionEngine engine;

	private final CurrentRules current;

	private final DetectionMetrics metrics;

	private final DetectionSettings settings;

	private static final int CHUNK = 1024;

	private final BlockingQueue<List<SensorReading>> queue = new LinkedBlockingQueue<>();

	/** Room in the hand-off, in readings. */
	private final Semaphore room;

	private final WarningOutlet outlet;

	/** Readings accepted into the hand-off, and those of them since submitted to the engine (or discarded). */
	private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong(),
			handled = new java.util.concurrent.atomic.AtomicLong();

	private volatile boolean running;

	private Thread dispatcher;

	private long lastDropLog;

	ReadingFeed(DetectionEngine engine, CurrentRules current, DetectionMetrics metrics, DetectionSettings settings,
			WarningOutlet outlet) {
		this.engine = engine;
		this.outlet = outlet;
		this.current = current;
		this.metrics = metrics;
		this.settings = settings;
		this.room = new Semaphore(settings.handoffCapacity());
	}

	@Override
	public void stored(List<SensorReading> readings) {
		if (!settings.enabled()) {
			return;
		}
		// Once stopping, nothing drains the hand-off any more: do not hold the store's writer back then.
		long deadline = System.nanoTime() + (running ? settings.handoffWait().toNanos() : 0);
		int size = Math.min(CHUNK, settings.handoffCapacity());
		for (int from = 0; from < readings.size(); from += size) {
			List<SensorReading> chunk = readings.subList(from, Math.min(readings.size(), from + size));
			try {
				if (!room.tryAcquire(chunk.size())
						&& !room.tryAcquire(chunk.size(), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					dropped(readings.size() - from);
					return;
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				dropped(readings.size() - from);
				return;
			}
			accepted.addAndGet(chunk.size());
			queue.add(chunk);
		}
	}

	private synchronized void dropped(int n) {
		metrics.readingsDropped.increment(n);
		if (System.nanoTime() - lastDropLog > 10_000_000_000L) {
			lastDropLog = System.nanoTime();
			log.error("Detection hand-off full: {} stored readings not judged (see vigil.detection.readings.dropped)", n);
		}
	}

	@Override
	public void start() {
		running = true;
		dispatcher = new Thread(this::dispatch, "detection-feed");
		dispatcher.setDaemon(true);
		dispatcher.start();
	}

	@Override
	public void stop() {
		running = false;
		try {
			dispatcher.join(30_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** After the engine: it starts later and stops (drains into the engine) first. */
	@Override
	public int getPhase() {
		return 1;
	}

	private void dispatch() {
		while (running || !queue.isEmpty()) {
			List<SensorReading> chunk = null;
			try {
				chunk = queue.poll(100, TimeUnit.MILLISECONDS);
				if (chunk == null) {
					continue;
				}
				List<Reading> readings = convert(chunk);
				while (!engine.submit(readings) && (running || settings.enabled())) {
					Thread.sleep(50); // engine restarting: keep the batch
					if (!running) {
						break;
					}
				}
				metrics.readings.increment(readings.size());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("Detection feed failed on a batch of {} readings", chunk.size(), e);
			}
			finally {
				if (chunk != null) {
					handled.addAndGet(chunk.size());
					room.release(chunk.size());
				}
			}
		}
	}

	/**
	 * Waits until every reading stored so far has been judged and its condition reports delivered to the
	 * warning module. For tests and diagnostics: readings keep arriving in production.
	 */
	public void settle(java.time.Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		long target = accepted.get();
		while (handled.get() < target && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		engine.flush();
		outlet.awaitIdle(Math.max(0, deadline - System.nanoTime()));
	}

	private List<Reading> convert(List<SensorReading> batch) {
		List<Reading> readings = convert(batch, current.get().codesById(), false);
		if (readings == null) {
			// Ingest accepts only registered sensors, so an unknown id is a sensor created since the rules were
			// built (or one deleted since it was stored): compile those in, once for the whole batch.
			Map<Long, String> codes = current.get().codesById();
			Set<Long> unknown = new HashSet<>();
			for (SensorReading r : batch) {
				if (!codes.containsKey(r.sensorId())) {
					unknown.add(r.sensorId());
				}
			}
			engine.learn(unknown);
			readings = convert(batch, current.get().codesById(), true);
		}
		return readings;
	}

	/** The engine's readings, or null at the first unknown sensor unless {@code last} (then it is counted). */
	private List<Reading> convert(List<SensorReading> batch, Map<Long, String> codes, boolean last) {
		List<Reading> readings = new ArrayList<>(batch.size());
		for (SensorReading r : batch) {
			String code = codes.get(r.sensorId());
			if (code == null) {
				if (!last) {
					return null;
				}
				metrics.unknownSensors.increment();
				continue;
			}
			Quality quality = r.valid() && !r.outOfRange() ? Quality.VALID : Quality.INVALID;
			readings.add(new Reading(code, r.ts(), r.value(), quality));
		}
		return readings;
	}
}
