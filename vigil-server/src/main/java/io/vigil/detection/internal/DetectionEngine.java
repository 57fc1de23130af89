package io.vigil.detection.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
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
 * schedule. Stop: process what is queued, save a final snapshot. Rule changes swap the rule book in place
 * (the runner drops states of vanished rules). New and changed sensors are compiled in on their own; the
 * whole registry is compiled only for rule-set changes, removals, asset or construction-work changes and
 * once every {@code rebuild} period as a safety net.
 */
@Component
public class DetectionEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DetectionEngine.class);

	/** How far back sensors written are looked at again: commit order is not timestamp order. */
	private static final Duration LOOK_BACK = Duration.ofMinutes(1);

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

	private volatile ScheduledExecutorService scheduler;

	/** The registry fingerprint last looked at; guarded by {@code reloadLock} after start. */
	private RegistryView.Fingerprint fingerprint;

	/** Sensors created or changed (heard from registry events) not yet compiled in. */
	private final Set<String> pendingSensors = ConcurrentHashMap.newKeySet();

	private volatile boolean pendingFull;

	private final DetectionMetrics metrics;

	private long builtAt;

	private volatile boolean running;

	DetectionEngine(DetectionSettings settings, RuleCompiler compiler, CurrentRules current, SnapshotStore snapshots,
			RegistryView registry, WarningOutlet outlet, DetectionMetrics metrics, Clock clock) {
		this.settings = settings;
		this.metrics = metrics;
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
			metrics.fullBuildsForRules.increment();
			runner = new PartitionedRunner(compiled.engineBook(), outlet, clock, settings.partitions(), settings.queueCapacity());
			restoreSnapshot();
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
		synchronized (reloadLock) {
			full(registry.fingerprint(), metrics.fullBuildsForRules);
		}
	}

	/**
	 * Makes sensors the rules in force do not know judgeable: for readings of sensors created since the last
	 * build. Only these sensors, and others written since the registry was last looked at, are compiled and
	 * merged in (see {@link RuleCompiler#update}), not the whole registry. Ids of sensors that do not exist
	 * (deleted meanwhile) are ignored.
	 */
	public void learn(Collection<Long> sensorIds) {
		synchronized (reloadLock) {
			if (!running) {
				return;
			}
			Map<Long, String> known = current.get().codesById();
			Set<Long> unknown = new HashSet<>();
			sensorIds.forEach(id -> {
				if (!known.containsKey(id)) {
					unknown.add(id);
				}
			});
			if (unknown.isEmpty()) {
				return;
			}
			// A fleet seeded at once reports in many batches: take every sensor written since the last look now,
			// so that it costs one build, not one per batch.
			unknown.addAll(registry.sensorsWrittenSince(fingerprint.sensorsWritten().minus(LOOK_BACK), known::containsKey));
			incremental(registry.sensorsById(unknown));
		}
	}

	/**
	 * Hears a committed registry change. Created or changed sensors are compiled in on the detection thread
	 * shortly after (changes arriving together share one build); a new asset needs nothing; deletions and
	 * changes of assets or construction works are rare and take the full rebuild.
	 */
	void registryChanged(String entity, String code, String action) {
		if ("sensor".equals(entity) && !"delete".equals(action)) {
			pendingSensors.add(code);
		}
		else if ("asset".equals(entity) && "create".equals(action)) {
			return; // no sensor sits on it yet, and no rule set names it yet
		}
		else if (List.of("sensor", "asset", "construction_work").contains(entity)) {
			pendingFull = true;
		}
		else {
			return;
		}
		ScheduledExecutorService s = scheduler;
		if (running && s != null) {
			try {
				s.execute(this::applyPending);
			}
			catch (RejectedExecutionException e) {
				// stopping; whatever is pending is read again by the next start's full build
			}
		}
	}

	private void applyPending() {
		synchronized (reloadLock) {
			if (!running) {
				return;
			}
			if (pendingFull) {
				pendingFull = false;
				pendingSensors.clear();
				full(registry.fingerprint(), metrics.fullBuildsForRegistry);
				return;
			}
			List<String> codes = new ArrayList<>();
			for (Iterator<String> i = pendingSensors.iterator(); i.hasNext();) {
				codes.add(i.next());
				i.remove();
			}
			if (!codes.isEmpty()) {
				incremental(registry.sensorsByCode(codes));
			}
		}
	}

	/**
	 * The fallback for changes that bring no event (bulk SQL, another node on the same database): when the
	 * fingerprint shows only additions (sensors written, assets created), the sensors written since the last
	 * look are compiled in; anything else (a removal, a changed asset, a construction work) and every
	 * {@code rebuild} period take the full rebuild.
	 */
	private void refreshIfChanged() {
		applyPending(); // events heard before the scheduler was there
		synchronized (reloadLock) {
			if (!running) {
				return;
			}
			RegistryView.Fingerprint now = registry.fingerprint();
			if (System.nanoTime() - builtAt > settings.rebuild().toNanos()) {
				full(now, metrics.fullBuildsOnSchedule);
				return;
			}
			if (now.equals(fingerprint)) {
				return;
			}
			if (!registry.onlyAdditions(fingerprint, now, LOOK_BACK)) {
				full(now, metrics.fullBuildsForRegistry);
				return;
			}
			Map<Long, String> known = current.get().codesById();
			// Look back a minute: a row committed after a later-stamped one would otherwise be missed.
			List<Long> written = registry.sensorsWrittenSince(fingerprint.sensorsWritten().minus(LOOK_BACK), known::containsKey);
			fingerprint = now;
			if (!written.isEmpty()) {
				incremental(registry.sensorsById(written));
			}
			if (current.get().codesById().size() != now.sensors()) {
				full(now, metrics.fullBuildsForRegistry); // a sensor vanished without an event, or one slipped by: build from scratch
			}
		}
	}

	/** Guarded by {@code reloadLock}. */
	private void incremental(RegistryView.Contents changed) {
		if (changed.sensors().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Compiled after = compiler.update(current.get(), changed.sensors(), compiler.layers());
		if (after == null) {
			full(registry.fingerprint(), metrics.fullBuildsForRegistry);
			return;
		}
		metrics.incrementalBuilds.increment();
		apply(after, changed.sensors().stream().map(RegistryView.SensorEntry::code).toList());
		log.info("Rules of {} new or changed sensors merged in {} ms ({} sensors judged)", changed.sensors().size(),
				(System.nanoTime() - started) / 1_000_000, after.codesById().size());
	}

	/** Guarded by {@code reloadLock}; {@code now} is read before compiling, so a change made meanwhile shows next time. */
	private void full(RegistryView.Fingerprint now, Counter cause) {
		fingerprint = now;
		// compiled outside the engine lock: reading the registry must not hold up readings
		long started = System.nanoTime();
		Compiled after = compiler.compile();
		cause.increment();
		builtAt = System.nanoTime();
		apply(after, after.sensorKeys());
		log.info("Rules of all {} sensors built in {} ms ({})", after.codesById().size(), (System.nanoTime() - started) / 1_000_000,
				cause.getId().getTag("cause"));
	}

	/**
	 * Swaps the rules in force. The runner reconciles every state with the new book (states of rules gone are
	 * dropped, changed rules take effect at once); registering adopts the given sensors' rules and starts the
	 * silence clocks of new ones.
	 */
	private void apply(Compiled after, List<String> register) {
		synchronized (lock) {
			if (!running) {
				return;
			}
			current.set(after);
			runner.replaceRules(after.engineBook());
			register.forEach(runner::register);
		}
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

	/**
	 * Restores the states saved last. A snapshot that cannot be read (corrupt, or holding state types this
	 * version no longer has) must not stop detection: it is logged and the rules start from fresh states.
	 */
	private void restoreSnapshot() {
		try {
			Optional<Snapshot> saved = snapshots.load();
			if (saved.isPresent()) {
				runner.restore(saved.get()).join();
				log.info("Detection state restored: {} rule states", saved.get().size());
			}
		}
		catch (IOException | CompletionException e) {
			log.error("Detection state snapshot could not be restored; rules start from fresh states (on-delays and timers start again)", e);
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
}
