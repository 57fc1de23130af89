package io.vigil.detection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vigil.detection.DetectionSettings;
import io.vigil.engine.Outcome;
import io.vigil.engine.runtime.OutcomeSink;
import io.vigil.warning.ConditionReport;
import io.vigil.warning.WarningIntake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's outcome sink. Partition threads only translate and enqueue; one sender thread hands batches
 * to {@link WarningIntake}, which writes to the database and may be slow. When the queue stays full a
 * partition waits up to {@link #FULL_WAIT} (back-pressure), then the report is logged and counted as lost;
 * a batch the intake refuses is retried, then split so that one bad report cannot sink the others.
 */
@Component
public class WarningOutlet implements OutcomeSink {

	private static final Logger log = LoggerFactory.getLogger(WarningOutlet.class);

	private static final Duration FULL_WAIT = Duration.ofSeconds(5);

	private static final int BATCH = 500;

	private final OutcomeTranslator translator;

	private final WarningIntake intake;

	private final DetectionMetrics metrics;

	private final BlockingQueue<ConditionReport> queue;

	private volatile Thread sender;

	private volatile boolean running;

	/** Reports queued, and those of them since delivered (or given up). */
	private final java.util.concurrent.atomic.AtomicLong queued = new java.util.concurrent.atomic.AtomicLong(),
			delivered = new java.util.concurrent.atomic.AtomicLong();

	WarningOutlet(OutcomeTranslator translator, WarningIntake intake, DetectionMetrics metrics, DetectionSettings settings) {
		this.translator = translator;
		this.intake = intake;
		this.metrics = metrics;
		this.queue = new ArrayBlockingQueue<>(settings.outcomeCapacity());
	}

	@Override
	public void accept(Outcome outcome) {
		metrics.outcomes.increment();
		for (ConditionReport report : translator.translate(outcome)) {
			try {
				if (!queue.offer(report, FULL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					metrics.reportsLost.increment();
					log.error("Warning hand-off full for {}; condition report lost: {}", FULL_WAIT, report);
				}
				else {
					queued.incrementAndGet();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				metrics.reportsLost.increment();
				log.error("Interrupted; condition report lost: {}", report);
				return;
			}
		}
	}

	synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		sender = new Thread(this::send, "detection-warnings");
		sender.setDaemon(true);
		sender.start();
	}

	/** Sends what is queued, then stops. */
	synchronized void stop() throws InterruptedException {
		running = false;
		if (sender != null) {
			sender.join(10_000);
			if (sender.isAlive()) {
				// the warning module is unreachable (database gone at shutdown): do not hold the JVM
				log.error("Stopping with {} condition reports undelivered", queue.size());
				sender.interrupt();
			}
			sender = null;
		}
	}

	private void send() {
		List<ConditionReport> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				ConditionReport first = queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				deliver(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				delivered.addAndGet(batch.size());
				batch.clear();
			}
		}
	}

	/** Waits up to {@code nanos} until everything queued has been delivered. */
	void awaitIdle(long nanos) throws InterruptedException {
		long deadline = System.nanoTime() + nanos;
		long target = queued.get();
		while (delivered.get() < target && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	private void deliver(List<ConditionReport> batch) throws InterruptedException {
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				intake.reportAll(batch);
				return;
			}
			catch (RuntimeException e) {
				log.warn("Warning intake refused a batch of {} (attempt {}): {}", batch.size(), attempt, e.toString());
				Thread.sleep(200L * attempt);
			}
		}
		for (ConditionReport report : batch) {
			try {
				intake.report(report);
			}
			catch (RuntimeException e) {
				metrics.reportsFailed.increment();
				log.error("Warning intake refused a condition report; it is lost: {}", report, e);
			}
		}
	}
}
