package io.vigil.warning;

import java.time.Instant;
import java.util.Map;

/**
 * One step on a warning's timeline: who, when, what.
 *
 * @param actor a username, or {@code system}
 * @param action raised, level_up, level_down, recovered, reactivated, pushed, suppressed, acknowledged,
 *        verifying, handling, feedback, clear_requested, cleared, review_returned, reminder, widened,
 *        supervision, phone_task, contact, consultation
 * @param details attachment metadata and step specifics
 */
public record TimelineEntry(Instant at, String actor, String action, String level, String note,
		Map<String, Object> details) {

	public TimelineEntry {
		details = details == null ? Map.of() : details;
	}
}
