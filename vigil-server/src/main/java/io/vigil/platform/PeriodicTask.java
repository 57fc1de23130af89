package io.vigil.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Work that runs on its own thread every {@code period} once the application is ready, and stops with
 * the application. A failing run is logged and the next run tries again; subclasses hold no timers of
 * their own, so whatever is due must be found from the database on each run.
 */
public abstract class PeriodicTask implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final boolean enabled;

	private final Duration period;

	private ScheduledExecutorService executor;

	protected PeriodicTask(String name, boolean enabled, Duration period) {
		this.name = name;
		this.enabled = enabled;
		this.period = period;
	}

	/** One run; exceptions are logged and the next run retries. */
	protected abstract void runOnce();

	@EventListener(ApplicationReadyEvent.class)
	public synchronized void applicationReady() {
		if (!enabled || executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
		long millis = period.toMillis();
		executor.scheduleWithFixedDelay(this::safeRun, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void safeRun() {
		try {
			runOnce();
		}
		catch (RuntimeException e) {
			log.warn("{} failed; the next run retries: {}", name, e.toString());
		}
	}

	@Override
	public void start() {
		// Started by applicationReady: runs must not begin before the application can serve them.
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}
}
