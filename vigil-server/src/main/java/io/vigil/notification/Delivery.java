package io.vigil.notification;

import java.time.Instant;

/**
 * One line of a warning's delivery log: a notice to a recipient and, once it is grouped into a
 * message, how each channel fared. {@code status} is {@code waiting} while the notice waits for a digest.
 */
public record Delivery(String recipient, String name, String audience, String event, String level,
		Instant noticedAt, Long message, String messageKind, String channel, String target, String status,
		Integer attempts, String lastError, Instant sentAt, Instant nextAttemptAt) {
}
