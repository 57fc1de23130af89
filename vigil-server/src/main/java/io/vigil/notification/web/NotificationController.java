package io.vigil.notification.web;

import java.util.List;
import java.util.Map;

import io.vigil.notification.Delivery;
import io.vigil.notification.DeliveryLog;
import io.vigil.notification.Message;
import io.vigil.notification.NotificationEndpoints;
import io.vigil.notification.internal.SseHub;
import io.vigil.organisation.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live stream, a warning's delivery log, the user's inbox and outbound endpoints. */
@RestController
class NotificationController {

	private final SseHub hub;

	private final DeliveryLog log;

	private final NotificationEndpoints endpoints;

	NotificationController(SseHub hub, DeliveryLog log, NotificationEndpoints endpoints) {
		this.hub = hub;
		this.log = log;
		this.endpoints = endpoints;
	}

	/** Server-sent events; browsers pass the token as {@code ?access_token=} since EventSource sends no headers. */
	@GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@AuthenticationPrincipal CurrentUser user) {
		return hub.subscribe(user);
	}

	@GetMapping("/api/v1/warnings/{id}/deliveries")
	Map<String, Object> deliveries(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		List<Delivery> items = log.forWarning(user, id);
		return Map.of("items", items, "total", items.size());
	}

	@GetMapping("/api/v1/notifications")
	Map<String, Object> inbox(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "100") int limit) {
		List<Message> items = log.inbox(user, limit);
		return Map.of("items", items, "total", items.size());
	}

	@GetMapping("/api/v1/notification-endpoints")
	Map<String, Object> endpoints(@AuthenticationPrincipal CurrentUser user) {
		List<NotificationEndpoints.EndpointView> items = endpoints.list(user);
		return Map.of("items", items, "total", items.size());
	}

	@PostMapping("/api/v1/notification-endpoints")
	@ResponseStatus(HttpStatus.CREATED)
	NotificationEndpoints.EndpointView create(@AuthenticationPrincipal CurrentUser user,
			@RequestBody NotificationEndpoints.NewEndpoint body) {
		return endpoints.create(user, body);
	}

}
