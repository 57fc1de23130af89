package io.vigil.warning;

import java.time.Instant;


/**
 * Anything on a warning changed (condition, handling, escalation): for live views. Published inside the
 * changing transaction; live listeners should act after commit.
 *
 * @param action the timeline action that describes the change
 */
public record WarningChanged(long warningId, long enterpriseId, String action, WarningLevel level, String state,
		String status, Instant at) {
}
