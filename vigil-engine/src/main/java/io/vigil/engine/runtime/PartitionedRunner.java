package io.vigil.engine.runtime;

import io.vigil.engine.Reading;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a {@link RuleBook} over readings with {@code n} partitions, each owned by one thread that
 * drains a bounded queue. A sensor always lands in the partition of {@link RuleBook#partitionKeyOf},
 * so its states are only ever touched by that thread: no locks around state, only the queue hand-off.
 * {@link #submit} blocks while the target queue is full (back-pressure towards ingestion); the bound counts
 * readings, also when {@link #submitAll} hands them over in chunks (one queue hand-off per chunk, not per reading).
 * Time comes from the injected {@link Clock}; call {@link #tick()} periodically (e.g. every 5 s)
 * for data-interruption and other timers.
 */
public final class PartitionedRunner implements AutoCloseable {

	/** Readings handed over as one task: enough to make the hand-off cheap, few enough to keep latency low. */
	private static final int CHUNK = 256;

	/** Work for a partition; {@code weight} is the room it takes in the queue (its readings, or 1). */
	private record Task(int weight, Consumer<Partition> work) {
	}

	private final Partition[] partitions;
	private final List<BlockingQueue<Task>> queues = new ArrayList<>();
	private final Semaphore[] room;
	private final int chunk;
	private final List<Thread> threads = new ArrayList<>();
	private final Clock clock;
	private volatile RuleBook rules;
	private volatile boolean running = true;

	/**
	 * @param partitions    number of partitions (threads), usually the number of cores
	 * @param queueCapacity bound of each partition's queue
	 */
	public PartitionedRunner(RuleBook rules, OutcomeSink sink, Clock clock, int partitions, int queueCapacity) {
		if (partitions < 1 || queueCapacity < 1) {
			throw new IllegalArgumentException("partitions and queueCapacity must be >= 1");
		}
		this.rules = rules;
		this.clock = clock;
		this.partitions = new Partition[partitions];
		this.room = new Semaphore[partitions];
		this.chunk = Math.min(CHUNK, queueCapacity);
		for (int i = 0; i < partitions; i++) {
			Partition partition = new Partition(rules, sink);
			BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
			Semaphore free = new Semaphore(queueCapacity);
			this.partitions[i] = partition;
			this.room[i] = free;
			queues.add(queue);
			Thread thread = new Thread(() -> drain(partition, queue, free), "vigil-engine-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
	}

	private void drain(Partition partition, BlockingQueue<Task> queue, Semaphore free) {
		List<Task> batch = new ArrayList<>(256);
		while (running || !queue.isEmpty()) {
			try {
				Task first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				run(first, partition, free);
				queue.drainTo(batch, 255);
				for (Task task : batch) {
					run(task, partition, free);
				}
				batch.clear();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void run(Task task, Partition partition, Semaphore free) {
		try {
			task.work().accept(partition);
		} catch (RuntimeException e) {
			// a failing task (a snapshot of an unserialisable state, say) must not stop the partition
			System.getLogger(PartitionedRunner.class.getName()).log(System.Logger.Level.ERROR, "engine task failed", e);
		} finally {
			free.release(task.weight());
		}
	}

	private int partitionOf(String partitionKey) {
		return Math.floorMod(partitionKey.hashCode() * 0x9E3779B9, partitions.length);
	}

	private void enqueue(int partition, Consumer<Partition> task) {
		enqueue(partition, 1, task);
	}

	private void enqueue(int partition, int weight, Consumer<Partition> task) {
		if (!running) {
			throw new IllegalStateException("runner is closed");
		}
		try {
			room[partition].acquire(weight);
			queues.get(partition).put(new Task(weight, task));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while submitting", e);
		}
	}

	/** Queues a reading for evaluation; blocks while its partition's queue is full. */
	public void submit(Reading reading) {
		enqueue(partitionOf(rules.partitionKeyOf(reading.key())), p -> p.process(reading, clock.instant()));
	}

	/**
	 * Queues readings for evaluation, in order per sensor, handing each partition its share in chunks; blocks
	 * while a partition's queue is full. The time of evaluation is read once per chunk.
	 */
	public void submitAll(List<Reading> readings) {
		RuleBook book = rules;
		List<List<Reading>> shares = new ArrayList<>(partitions.length);
		for (int i = 0; i < partitions.length; i++) {
			shares.add(new ArrayList<>());
		}
		for (Reading reading : readings) {
			int partition = partitionOf(book.partitionKeyOf(reading.key()));
			List<Reading> share = shares.get(partition);
			share.add(reading);
			if (share.size() == chunk) {
				submitChunk(partition, share);
				shares.set(partition, new ArrayList<>());
			}
		}
		for (int i = 0; i < partitions.length; i++) {
			if (!shares.get(i).isEmpty()) {
				submitChunk(i, shares.get(i));
			}
		}
	}

	private void submitChunk(int partition, List<Reading> share) {
		enqueue(partition, share.size(), p -> {
			Instant now = clock.instant();
			for (int i = 0, n = share.size(); i < n; i++) {
				p.process(share.get(i), now);
			}
		});
	}

	/** Makes the sensor known so that it goes offline even if it never reports. */
	public void register(String sensorKey) {
		enqueue(partitionOf(rules.partitionKeyOf(sensorKey)), p -> p.register(sensorKey, clock.instant()));
	}

	/** Queues a timer tick to every partition. */
	public void tick() {
		Instant now = clock.instant();
		for (int i = 0; i < partitions.length; i++) {
			enqueue(i, p -> p.tick(now));
		}
	}

	/** Swaps the rules without restart; takes effect in each partition after the readings already queued. */
	public void replaceRules(RuleBook book) {
		this.rules = book;
		for (int i = 0; i < partitions.length; i++) {
			enqueue(i, p -> p.replaceRules(book));
		}
	}

	/**
	 * A consistent-per-partition snapshot of all states, taken between readings; fails (instead of never
	 * completing) when a state cannot be serialised.
	 */
	public CompletableFuture<Snapshot> snapshot() {
		List<CompletableFuture<Snapshot.Part>> parts = new ArrayList<>();
		for (int i = 0; i < partitions.length; i++) {
			parts.add(ask(i, Partition::snapshot));
		}
		return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
				.thenApply(v -> new Snapshot(parts.stream().map(CompletableFuture::join).toList()));
	}

	/**
	 * Restores states (before submitting readings, typically right after construction), then register the
	 * sensors as after a fresh start. The snapshot is decoded first, so nothing is restored when it cannot be.
	 *
	 * @throws IOException when the snapshot is corrupt or holds a state type this version does not know
	 */
	public CompletableFuture<Void> restore(Snapshot snapshot) throws IOException {
		List<List<Snapshot.Entry>> byPartition = new ArrayList<>();
		for (int i = 0; i < partitions.length; i++) {
			byPartition.add(new ArrayList<>());
		}
		for (Snapshot.Entry e : snapshot.entries()) {
			byPartition.get(partitionOf(e.partitionKey())).add(e);
		}
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int i = 0; i < partitions.length; i++) {
			List<Snapshot.Entry> entries = byPartition.get(i);
			done.add(ask(i, p -> {
				p.restore(entries);
				return null;
			}));
		}
		return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
	}

	/** Waits until everything queued so far has been processed. */
	public void flush() {
		List<CompletableFuture<Void>> done = new ArrayList<>();
		for (int i = 0; i < partitions.length; i++) {
			done.add(ask(i, p -> null));
		}
		CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
	}

	/** Queues work whose result the caller waits for; a failure completes the future instead of leaving it open. */
	private <T> CompletableFuture<T> ask(int partition, Function<Partition, T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		enqueue(partition, p -> {
			try {
				result.complete(work.apply(p));
			} catch (RuntimeException e) {
				result.completeExceptionally(e);
				throw e;
			}
		});
		return result;
	}

	/** Processes what is queued, then stops the partition threads. */
	@Override
	public void close() throws InterruptedException {
		running = false;
		for (Thread thread : threads) {
			thread.join(10_000);
		}
	}
}
