package io.vigil.notification.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vigil.notification.Message;
import io.vigil.organisation.CurrentUser;
import io.vigil.organisation.Organisation;
import io.vigil.organisation.Organisations;
import io.vigil.warning.WarningChanged;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live streams, one per open browser tab: {@code warning} events for every change inside the user's
 * scope, {@code notice} events for messages addressed to the user. Changes go out after their commit.
 */
@Component
public class SseHub {

	private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

	private final Organisations organisations;

	private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	private record Subscriber(CurrentUser user, SseEmitter emitter) {
	}

	SseHub(Organisations organisations) {
		this.organisations = organisations;
	}

	public SseEmitter subscribe(CurrentUser user) {
		long id = ids.incrementAndGet();
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		Subscriber subscriber = new Subscriber(user, emitter);
		emitter.onCompletion(() -> subscribers.remove(id));
		emitter.onTimeout(() -> subscribers.remove(id));
		emitter.onError(e -> subscribers.remove(id));
		subscribers.put(id, subscriber);
		send(id, subscriber, SseEmitter.event().name("hello").data(Map.of("user", user.username())));
		return emitter;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(WarningChanged change) {
		if (subscribers.isEmpty()) {
			return;
		}
		Optional<Organisation> enterprise = organisations.findById(change.enterpriseId());
		if (enterprise.isEmpty()) {
			return;
		}
		Map<String, Object> data = Map.of("id", change.warningId(), "action", change.action(), "level",
				change.level().en(), "state", change.state(), "status", change.status(), "at", change.at().toString());
		subscribers.forEach((id, s) -> {
			if (s.user().canRead(enterprise.get())) {
				send(id, s, SseEmitter.event().name("warning").data(data));
			}
		});
	}

	/** Pushes a message to the user's open streams; false when none is open (it stays in the inbox). */
	public boolean deliver(String username, Message message) {
		boolean any = false;
		for (Map.Entry<Long, Subscriber> e : subscribers.entrySet()) {
			if (e.getValue().user().username().equals(username)) {
				any |= send(e.getKey(), e.getValue(), SseEmitter.event().name("notice").id(String.valueOf(message.id()))
					.data(Map.of("id", message.id(), "kind", message.kind(), "level", message.level(), "subject",
							message.subject(), "count", message.noticeCount())));
			}
		}
		return any;
	}

	/**
	 * Ends every stream when Vigil stops (before the web server's graceful shutdown, which waits for open
	 * requests: an open console tab held every stop up for its full 30 s). Browsers reconnect by themselves.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		subscribers.values().forEach(s -> s.emitter().complete());
		subscribers.clear();
	}

	/** A comment line keeps proxies from closing idle streams and finds dead ones. */
	void heartbeat() {
		subscribers.forEach((id, s) -> send(id, s, SseEmitter.event().comment("keep-alive")));
	}

	private boolean send(long id, Subscriber s, SseEmitter.SseEventBuilder event) {
		try {
			synchronized (s) {
				s.emitter().send(event);
			}
			return true;
		}
		catch (IOException | IllegalStateException e) {
			subscribers.remove(id);
			return false;
		}
	}
}
