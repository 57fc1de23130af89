package io.vigil.warning;

import java.time.Instant;
import java.util.List;


/**
 * A warning was routed to people: published inside the transaction that changed the warning, so that
 * listeners (the notification outbox) store their part atomically with it.
 *
 * @param event raised, level_up, reminder, escalated, supervised or released (an outage ended)
 * @param recipients who must learn of it; never empty
 * @param summary one line for messages, Chinese and English
 */
public record WarningRouted(long warningId, long enterpriseId, String event, WarningLevel level,
		List<Recipient> recipients, String summary, Instant at) {

	public WarningRouted {
		recipients = List.copyOf(recipients);
	}
}
