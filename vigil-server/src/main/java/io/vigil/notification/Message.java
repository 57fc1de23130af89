package io.vigil.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one recipient receives at once: a single notice or a digest of several.
 *
 * @param recipient {@code user:<name>}, {@code person:<phone>} or {@code endpoint:<id>}
 * @param detail name, username, phone, email, endpoint of the recipient
 * @param notices the warnings it covers (for webhooks and robots)
 */
public record Message(long id, String recipient, Map<String, Object> detail, String kind, String level,
		int noticeCount, String subject, String body, Instant createdAt, List<Item> notices) {

	/** One warning event in a message. */
	public record Item(long warning, String event, String level, String summary) {
	}
}
