package io.vigil.notification.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.vigil.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Flushes due digests, retries due deliveries and keeps live streams alive, every {@code vigil.notification.tick}. */
@Component
class NotificationTicker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationTicker.class);

	private final Messages messages;

	private final DeliveryWorker worker;

	private final SseHub hub;

	private final NotificationSettings settings;

	private ScheduledExecutorService executor;

	NotificationTicker(Messages messages, DeliveryWorker worker, SseHub hub, NotificationSettings settings) {
		this.messages = messages;
		this.worker = worker;
		this.hub = hub;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (!settings.scheduler() || executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "notification-ticker"));
		long millis = settings.tick().toMillis();
		executor.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void tick() {
		try {
			messages.flushDigests();
			worker.run();
			hub.heartbeat();
		}
		catch (RuntimeException e) {
			log.warn("Notification tick failed; the next tick retries: {}", e.toString());
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
