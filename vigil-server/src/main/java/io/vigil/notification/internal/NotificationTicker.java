package io.vigil.notification.internal;

import io.vigil.notification.NotificationSettings;
import io.vigil.platform.PeriodicTask;

import org.springframework.stereotype.Component;

/** Flushes due digests, retries due deliveries and keeps live streams alive, every {@code vigil.notification.tick}. */
@Component
class NotificationTicker extends PeriodicTask {

	private final Messages messages;

	private final DeliveryWorker worker;

	private final SseHub hub;

	NotificationTicker(Messages messages, DeliveryWorker worker, SseHub hub, NotificationSettings settings) {
		super("notification-ticker", settings.scheduler(), settings.tick());
		this.messages = messages;
		this.worker = worker;
		this.hub = hub;
	}

	@Override
	protected void runOnce() {
		messages.flushDigests();
		worker.run();
		hub.heartbeat();
	}
}
