package io.vigil.warning.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigil.warning.WarningIntake;
import io.vigil.warning.WarningSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation scheduler every {@code vigil.warning.tick} once the application is ready, after
 * releasing warnings whose outage window has ended. It holds no timers of its own: each tick asks the
 * database what is due, so a restart loses and repeats nothing.
 */
@Component
class EscalationTicker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EscalationTicker.class);

	private final WarningEscalation escalation;

	private final WarningIntake intake;

	private final WarningSettings settings;

	private ScheduledExecutorService executor;

	EscalationTicker(WarningEscalation escalation, WarningIntake intake, WarningSettings settings) {
		this.escalation = escalation;
		this.intake = intake;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (!settings.scheduler() || executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "warning-escalation"));
		long millis = settings.tick().toMillis();
		executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			intake.releaseEndedOutages();
			escalation.tick();
		}
		catch (RuntimeException e) {
			log.warn("Escalation tick failed; the next tick retries: {}", e.toString());
		}
	}

	@Override
	public void start() {
	}

	@Override
	public void stop() {
		if (executor != null) {
			executor.shutdownNow();
			executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}
}
