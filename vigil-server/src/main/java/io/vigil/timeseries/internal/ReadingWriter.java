package io.vigil.timeseries.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.vigil.timeseries.ReadingStore;
import io.vigil.timeseries.ReadingsStored;
import io.vigil.timeseries.SensorReading;
import io.vigil.timeseries.StoreOverloadedException;
import io.vigil.timeseries.TimeseriesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The {@link ReadingStore}: a queue bounded in readings, drained by one writer thread that gathers
 * every waiting request (up to {@code max-batch} readings) into one transaction. After the commit, a second
 * thread tells the listeners and then completes the requests' futures, while the writer already sends the
 * next batch, so that the database connection is not left waiting for that work. Capacity counts readings
 * until they are acknowledged (and at most two committed batches wait for the second thread), so memory
 * stays bounded whatever the offered load. A failed transaction fails its futures (never acknowledges)
 * and the writer goes on with the next batch.
 */
@Component
class ReadingWriter implements ReadingStore, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);

	private record Request(List<SensorReading> readings, CompletableFuture<Void> done, long queuedAt) {
	}

	private record Committed(List<Request> batch, List<SensorReading> readings, long committedAt) {
	}

	private final TimeseriesSettings settings;

	private final BatchTransaction transaction;

	private final ObjectProvider<ReadingsStored> listeners;

	private final StoreMetrics metrics;

	private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final ArrayBlockingQueue<Committed> committed = new ArrayBlockingQueue<>(2);

	private final AtomicLong queued = new AtomicLong();

	private volatile boolean accepting;

	private volatile boolean running;

	private Thread thread;

	private Thread acknowledger;

	private Request carried;

	private final LatestValues latest;

	private long latestFlushedAt = System.nanoTime();

	ReadingWriter(TimeseriesSettings settings, DataSource dataSource, DayPartitions partitions, LatestValues latest,
			ReadingDomains domains, MinuteAggregates aggregates, ObjectProvider<ReadingsStored> listeners,
			StoreMetrics metrics) {
		this.settings = settings;
		this.latest = latest;
		this.transaction = new BatchTransaction(dataSource, partitions, latest, domains, aggregates);
		this.listeners = listeners;
		this.metrics = metrics;
		metrics.queueDepth(queued::get);
	}

	@Override
	public CompletableFuture<Void> append(List<SensorReading> readings) {
		if (readings.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		if (!accepting) {
			metrics.rejected(readings.size());
			return CompletableFuture.failedFuture(new StoreOverloadedException(settings.retryAfter()));
		}
		long size = readings.size();
		while (true) {
			long current = queued.get();
			// A batch larger than the whole capacity still gets in when nothing else waits.
			if (current > 0 && current + size > settings.queueCapacity()) {
				metrics.rejected(readings.size());
				return CompletableFuture.failedFuture(new StoreOverloadedException(settings.retryAfter()));
			}
			if (queued.compareAndSet(current, current + size)) {
				break;
			}
		}
		CompletableFuture<Void> done = new CompletableFuture<>();
		queue.add(new Request(List.copyOf(readings), done, System.nanoTime()));
		return done;
	}

	private void run() {
		while (running || carried != null || !queue.isEmpty()) {
			try {
				List<Request> batch = take();
				if (!batch.isEmpty()) {
					write(batch);
				}
				else if (latest.hasPending() && latestFlushDue()) {
					flushLatest();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error e) {
				log.error("Reading writer survived an unexpected failure", e);
			}
		}
	}

	private List<Request> take() throws InterruptedException {
		List<Request> batch = new ArrayList<>();
		Request first = carried != null ? carried : queue.poll(200, TimeUnit.MILLISECONDS);
		carried = null;
		if (first == null) {
			return batch;
		}
		batch.add(first);
		int size = first.readings().size();
		Request next;
		while (size < settings.maxBatch() && (next = queue.poll()) != null) {
			if (size + next.readings().size() > settings.maxBatch()) {
				carried = next;
				break;
			}
			batch.add(next);
			size += next.readings().size();
		}
		return batch;
	}

	private void write(List<Request> batch) throws InterruptedException {
		List<SensorReading> readings = new ArrayList<>();
		for (Request request : batch) {
			readings.addAll(request.readings());
		}
		long started = System.nanoTime();
		try {
			boolean flush = latestFlushDue();
			int inserted = transaction.store(readings, flush);
			if (flush) {
				latestFlushedAt = System.nanoTime();
			}
			long committedAt = System.nanoTime();
			metrics.stored(readings.size(), inserted, committedAt - started);
		}
		catch (Exception e) {
			log.warn("Storing a batch of {} readings failed; {} requests are told so", readings.size(), batch.size(),
					e);
			metrics.failed(readings.size());
			for (Request request : batch) {
				request.done().completeExceptionally(e);
			}
			queued.addAndGet(-readings.size());
			return;
		}
		Committed done = new Committed(batch, readings, System.nanoTime());
		try {
			committed.put(done);
		}
		catch (InterruptedException e) {
			deliver(done); // stored: acknowledged all the same
			throw e;
		}
	}

	/** The second thread: listeners, then acknowledgements, in commit order. */
	private void acknowledge() {
		while (thread.isAlive() || !committed.isEmpty()) {
			Committed next;
			try {
				next = committed.poll(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			if (next != null) {
				deliver(next);
			}
		}
	}

	private void deliver(Committed batch) {
		try {
			// Listeners first, so that whoever got the acknowledgement also sees the online state it implies.
			notifyListeners(batch.readings());
			for (Request request : batch.batch()) {
				metrics.acknowledged(batch.committedAt() - request.queuedAt());
				request.done().complete(null);
			}
		}
		catch (RuntimeException | Error e) {
			log.error("Acknowledging a stored batch failed", e);
		}
		finally {
			queued.addAndGet(-batch.readings().size());
		}
	}

	private boolean latestFlushDue() {
		return System.nanoTime() - latestFlushedAt >= settings.latestFlushInterval().toNanos();
	}

	private void flushLatest() {
		try {
			transaction.flushLatest();
			latestFlushedAt = System.nanoTime();
		}
		catch (Exception e) {
			log.warn("Flushing latest values failed; will retry", e);
		}
	}

	private void notifyListeners(List<SensorReading> readings) {
		List<SensorReading> view = List.copyOf(readings);
		for (ReadingsStored listener : listeners.orderedStream().toList()) {
			try {
				listener.stored(view);
			}
			catch (RuntimeException e) {
				log.warn("Listener {} failed on a stored batch", listener.getClass().getName(), e);
			}
		}
	}

	@Override
	public void start() {
		running = true;
		accepting = true;
		thread = new Thread(this::run, "vigil-reading-writer");
		thread.start();
		acknowledger = new Thread(this::acknowledge, "vigil-reading-acknowledger");
		acknowledger.start();
	}

	/** Stops accepting, then writes whatever is queued before the thread ends. */
	@Override
	public void stop() {
		accepting = false;
		running = false;
		if (thread != null) {
			try {
				thread.join(30_000);
				acknowledger.join(30_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Request left;
		while ((left = queue.poll()) != null) {
			left.done().completeExceptionally(new StoreOverloadedException(settings.retryAfter()));
		}
		flushLatest();
		if (!latest.hasPending()) {
			latest.markClean();
		}
		transaction.close();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server and the ingest channels (higher phases stop first). */
	@Override
	public int getPhase() {
		return 0;
	}
}
