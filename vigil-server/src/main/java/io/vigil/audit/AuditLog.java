package io.vigil.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records changes in the same transaction as the change itself, so that a change and its audit
 * entry exist together or not at all. The table refuses updates and deletes (see V2__audit.sql).
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Record that {@code actor} did {@code action} to an entity; before/after are any JSON-serialisable values. */
	public void record(String actor, String action, String entityType, String entityKey, Long organisationId,
			Object before, Object after) {
		jdbc.sql("""
				insert into audit_log (at, actor, action, entity_type, entity_key, organisation_id, before, after)
				values (:at, :actor, :action, :type, :key, :org, cast(:before as jsonb), cast(:after as jsonb))""")
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("action", action)
			.param("type", entityType)
			.param("key", entityKey)
			.param("org", organisationId)
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.update();
	}

	/** Filters are optional (null = any); newest first. */
	public List<AuditEntry> find(String entityType, String entityKey, String actor, Instant from, Instant to,
			int page, int size) {
		StringBuilder sql = new StringBuilder("select * from audit_log where true");
		Map<String, Object> params = new HashMap<>();
		List<String> clauses = new ArrayList<>();
		if (entityType != null) {
			clauses.add("entity_type = :type");
			params.put("type", entityType);
		}
		if (entityKey != null) {
			clauses.add("entity_key = :key");
			params.put("key", entityKey);
		}
		if (actor != null) {
			clauses.add("actor = :actor");
			params.put("actor", actor);
		}
		if (from != null) {
			clauses.add("at >= :from");
			params.put("from", Timestamp.from(from));
		}
		if (to != null) {
			clauses.add("at < :to");
			params.put("to", Timestamp.from(to));
		}
		clauses.forEach(c -> sql.append(" and ").append(c));
		sql.append(" order by id desc limit :size offset :offset");
		params.put("size", size);
		params.put("offset", (long) page * size);
		return jdbc.sql(sql.toString()).params(params).query(this::entry).list();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		long org = rs.getLong("organisation_id");
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_key"),
				rs.wasNull() ? null : org, tree(rs.getString("before")), tree(rs.getString("after")));
	}

	private JsonNode tree(String text) {
		return text == null ? null : json.readTree(text);
	}
}
