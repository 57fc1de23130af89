package io.vigil.notification.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.vigil.notification.Message;
import io.vigil.notification.NotificationChannel;
import io.vigil.notification.NotificationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries and records the outcome. A delivery is claimed by pushing its next attempt a
 * lease into the future, so a crash mid-send only delays it; a failure is retried after an exponentially
 * growing wait until {@code maxAttempts}, then given up — all of it visible in the delivery log.
 */
@Component
public class DeliveryWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final Messages messages;

	private final Map<String, NotificationChannel> channels;

	private final NotificationSettings settings;

	private final Clock clock;

	private final ExecutorService kicks = Executors.newSingleThreadExecutor(r -> new Thread(r, "notification-delivery"));

	private final AtomicBoolean kickQueued = new AtomicBoolean();

	DeliveryWorker(JdbcClient jdbc, Messages messages, List<NotificationChannel> channels, NotificationSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.channels = channels.stream().collect(Collectors.toMap(NotificationChannel::name, Function.identity()));
		this.settings = settings;
		this.clock = clock;
	}

	/** Run soon on the delivery thread: for immediate messages, right after their transaction commits. */
	public void kick() {
		if (kickQueued.compareAndSet(false, true)) {
			kicks.execute(() -> {
				kickQueued.set(false);
				try {
					run();
				}
				catch (RuntimeException e) {
					log.warn("Delivery run failed; the next tick retries: {}", e.toString());
				}
			});
		}
	}

	/** Attempts every delivery that is due now; returns how many attempts were made. */
	public synchronized int run() {
		int attempts = 0;
		while (true) {
			Instant now = clock.instant();
			List<Long> claimed = jdbc.sql("""
					update deliveries set next_attempt_at = :lease where id in (
					    select id from deliveries where status = 'pending' and next_attempt_at <= :now
					    order by next_attempt_at, id limit 50 for update skip locked)
					returning id""")
				.param("lease", Timestamp.from(now.plus(LEASE))).param("now", Timestamp.from(now)).query(Long.class)
				.list();
			if (claimed.isEmpty()) {
				return attempts;
			}
			for (long id : claimed) {
				attempt(id);
				attempts++;
			}
		}
	}

	private void attempt(long deliveryId) {
		Map<String, Object> row = jdbc.sql("select message_id, channel, target, attempts from deliveries where id = :id")
			.param("id", deliveryId).query().singleRow();
		String channelName = (String) row.get("channel");
		int attempts = ((Number) row.get("attempts")).intValue() + 1;
		String error = null;
		try {
			NotificationChannel channel = channels.get(channelName);
			if (channel == null) {
				throw new IllegalStateException("channel " + channelName + " is not available");
			}
			Message message = messages.load(((Number) row.get("message_id")).longValue());
			channel.send(message, (String) row.get("target"));
		}
		catch (Exception e) {
			error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		}
		Instant now = clock.instant();
		if (error == null) {
			jdbc.sql("""
					update deliveries set status = 'sent', attempts = :a, sent_at = :now, next_attempt_at = null,
					    last_error = null where id = :id""")
				.param("a", attempts).param("now", Timestamp.from(now)).param("id", deliveryId).update();
			return;
		}
		boolean giveUp = attempts >= settings.maxAttempts();
		log.info("Delivery {} over {} failed (attempt {}){}: {}", deliveryId, channelName, attempts,
				giveUp ? ", giving up" : "", error);
		jdbc.sql("""
				update deliveries set status = :status, attempts = :a, next_attempt_at = :next, last_error = :error
				where id = :id""")
			.param("status", giveUp ? "gave_up" : "pending").param("a", attempts)
			.param("next", giveUp ? null : Timestamp.from(now.plus(settings.backoffAfter(attempts))))
			.param("error", error.length() > 500 ? error.substring(0, 500) : error).param("id", deliveryId).update();
	}

	@Override
	public void destroy() {
		kicks.shutdownNow();
	}
}
