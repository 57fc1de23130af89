package io.vigil.outage;

import java.time.Instant;
import java.util.List;

/** An outage declaration as users see it. */
public record Outage(long id, String enterprise, String scope, String asset, List<String> sensors, Instant from,
		Instant to, String reason, String status, String declaredBy, Instant declaredAt, String decidedBy,
		Instant decidedAt, String decisionNote) {
}
