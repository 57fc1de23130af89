package io.vigil.ingest;

import java.time.Instant;

/**
 * Something a channel refused, as kept for inspection.
 *
 * @param enterprise the sender's enterprise code, or null when the sender could not be identified
 * @param index the item's index in its batch, or null when the whole payload was refused
 * @param raw the refused item or payload, truncated
 */
public record QuarantineEntry(long id, String enterprise, String channel, Instant receivedAt, String code,
		String reason, Integer index, String raw) {
}
