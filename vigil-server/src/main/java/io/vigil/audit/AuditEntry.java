package io.vigil.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One recorded change. {@code before} is null for a creation, {@code after} null for a deletion. */
public record AuditEntry(long id, Instant at, String actor, String action, String entityType, String entityKey,
		Long organisationId, JsonNode before, JsonNode after) {
}
