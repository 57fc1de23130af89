package io.vigil.detection.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigil.detection.DetectionSettings;
import io.vigil.engine.Reading;
import io.vigil.engine.runtime.PartitionedRunner;
import io.vigil.engine.runtime.Snapshot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the engine inside the server. Start: build the rules, restore the last state snapshot, register every
 * sensor (so one that never reports still goes offline), then tick, snapshot and watch the registry on a
 * schedule. Stop: process what is queued, save a final snapshot. Rule changes swap the rule book in place;
 * when rules disappear the runner is rebuilt from a snapshot, because states of vanished rules would
 * otherwise keep ticking.
 */
@Component
public class DetectionEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);

	private final DetectionSettings settings;

	private final RuleCompiler compiler;

	private final CurrentRules current;

	private final SnapshotStore snapshots;

	private final RegistryView registry;

	private final WarningOutlet outlet;

	private final Clock clock;

	private final Object lock = new Object();

	private final Object reloadLock = new Object();

	private PartitionedRunner runner;

	private ScheduledExecutorService scheduler;

	/** The registry fingerprint the rules in force were built from; guarded by {@code reloadLock} after start. */
	private String fingerprint;

	private long builtAt;

	private volatile boolean running;

	DetectionEngine(DetectionSettings settings, RuleCompiler compiler, CurrentRules current, SnapshotStore snapshots,
			RegistryView registry, WarningOutlet outlet, Clock clock) {
		this.settings = settings;
		this.compiler = compiler;
		this.current = current;
		this.snapshots = snapshots;
		this.registry = registry;
		this.outlet = outlet;
		this.clock = clock;
	}

	@Override
	public void start() {
		if (!settings.enabled()) {
			return;
		}
		synchronized (lock) {
			outlet.start();
			fingerprint = registry.fingerprint();
			Compiled compiled = build();
			runner = new PartitionedRunner(compiled.book(), outlet, clock, settings.partitions(), settings.queueCapacity());
			snapshots.load().ifPresent(s -> {
				runner.restore(s).join();
				log.info("Detection state restored: {} rule states", s.entries().size());
			});
			compiled.sensorKeys().forEach(runner::register);
			scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "detection-scheduler"));
			every(settings.tick(), this::tick);
			every(settings.snapshot(), this::saveSnapshot);
			every(settings.registryRefresh(), this::refreshIfChanged);
			running = true;
		}
	}

	@Override
	public void stop() {
		synchronized (lock) {
			if (!running) {
				return;
			}
			running = false;
			scheduler.shutdownNow();
			try {
				runner.flush();
				snapshots.save(runner.snapshot().join(), clock.instant());
			}
			catch (RuntimeException e) {
				log.error("Final detection snapshot failed; on-delays and timers restart from the previous one", e);
			}
			try {
				runner.close();
				outlet.stop();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			runner = null;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the web server and the reading feed start; after them it stops. */
	@Override
	public int getPhase() {
		return 0;
	}

	/**
	 * Judges readings; false when the engine is not running (the caller keeps them). Blocks while the
	 * partition's queue is full.
	 */
	public boolean submit(List<Reading> readings) {
		synchronized (lock) {
			if (!running) {
				return false;
			}
			runner.submitAll(readings);
			return true;
		}
	}

	/** Rebuilds the rules from the registry and the rule sets and applies them without a restart. */
	public void reload() {
		rebuild(true);
	}

	/**
	 * Rebuilds the rules only if the registry changed since the last build: for readings of a sensor the rules in
	 * force do not know. A build covers the whole registry (seconds for 100,000 sensors), so a burst of batches
	 * from a fleet just created, or readings of a sensor deleted meanwhile, must not each cost one.
	 */
	public void reloadIfRegistryChanged() {
		rebuild(false);
	}

	private void rebuild(boolean always) {
		synchronized (reloadLock) {
			if (!running) {
				return;
			}
			// Read before compiling: a change made while compiling shows as a new fingerprint next time.
			String now = registry.fingerprint();
			if (!always && now.equals(fingerprint)) {
				return;
			}
			fingerprint = now;
			// compiled outside the engine lock: reading the registry must not hold up readings
			Compiled after = compiler.compile();
			synchronized (lock) {
				if (running) {
					apply(after);
				}
			}
		}
	}

	private void apply(Compiled after) {
		Compiled before = current.get();
		current.set(after);
		builtAt = System.nanoTime();
		Set<String> removed = new HashSet<>(before.ruleIds());
		removed.removeAll(after.ruleIds());
		if (removed.isEmpty()) {
			runner.replaceRules(after.book());
		}
		else {
			Snapshot state = runner.snapshot().join();
			PartitionedRunner old = runner;
			runner = new PartitionedRunner(after.book(), outlet, clock, settings.partitions(), settings.queueCapacity());
			runner.restore(state).join();
			closeQuietly(old);
		}
		// registering adopts changed rules at once, and new sensors start their silence clocks
		after.sensorKeys().forEach(runner::register);
	}

	/** Whether the rules in force know this sensor (its readings are being judged). */
	public boolean knows(String sensorCode) {
		return current.get().subjects().containsKey(sensorCode);
	}

	/** Waits until every reading and timer queued so far has been judged (for tests and shutdown). */
	public void flush() {
		synchronized (lock) {
			if (running) {
				runner.flush();
			}
		}
	}

	private Compiled build() {
		Compiled compiled = compiler.compile();
		current.set(compiled);
		builtAt = System.nanoTime();
		return compiled;
	}

	private void tick() {
		synchronized (lock) {
			if (running) {
				runner.tick();
			}
		}
	}

	private void saveSnapshot() {
		Snapshot snapshot;
		synchronized (lock) {
			if (!running) {
				return;
			}
			snapshot = runner.snapshot().join();
		}
		snapshots.save(snapshot, clock.instant());
	}

	private void refreshIfChanged() {
		rebuild(System.nanoTime() - builtAt > settings.rebuild().toNanos());
	}

	private void every(Duration period, Runnable task) {
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.error("Detection task failed", e);
			}
		}, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static void closeQuietly(PartitionedRunner old) {
		try {
			old.close();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
