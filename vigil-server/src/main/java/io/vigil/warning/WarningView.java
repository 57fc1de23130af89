package io.vigil.warning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A warning as the API shows it. {@code timeline} and {@code followups} are only filled for a single
 * warning; {@code deadlines} are null while nothing runs (suppressed or cleared).
 */
public record WarningView(long id, String level, String worstLevel, String state, String status, String sensor,
		String asset, String enterprise, String enterpriseName, String rule, String ruleKind, String domain,
		boolean dataQuality, Double value, Double threshold, String reasonZh, String reasonEn, int count,
		Instant firstSeen, Instant lastSeen, Instant recoveredAt, Deadlines deadlines, boolean overdue,
		int escalationTier, Long suppressedByOutage, String clearReason, Instant clearedAt, String clearedBy,
		Map<String, Object> explanation, List<TimelineEntry> timeline, List<Followup> followups) {

	public record Deadlines(Instant acknowledge, Instant feedback, Instant clear) {
	}

	/** A supervision item (督办) or a duty-center phone/video task. */
	public record Followup(long id, String kind, String organisation, Instant openedAt, String openedBy, String note,
			Instant closedAt, String closedBy) {
	}

	WarningView withDetail(List<TimelineEntry> timeline, List<Followup> followups) {
		return new WarningView(id, level, worstLevel, state, status, sensor, asset, enterprise, enterpriseName, rule,
				ruleKind, domain, dataQuality, value, threshold, reasonZh, reasonEn, count, firstSeen, lastSeen,
				recoveredAt, deadlines, overdue, escalationTier, suppressedByOutage, clearReason, clearedAt, clearedBy,
				explanation, timeline, followups);
	}
}
