package io.vigil.detection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vigil.detection.RuleSet;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rule sets and all their versions; a change never overwrites, it appends a version. */
@Repository
public class RuleStore {

	private static final String SELECT = """
			select s.id, s.scope, s.target, s.enterprise_id, v.version, v.name, v.enabled, v.rules, v.created_by, v.created_at
			from detection_rule_sets s join detection_rule_set_versions v on v.rule_set_id = s.id
			""";

	/** A version and the enterprise that owns its target (null for type scopes). */
	public record Stored(RuleSet set, Long enterpriseId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The current version of every rule set, enabled or not. */
	public List<Stored> current() {
		return jdbc.sql(SELECT + " where v.version = s.current_version order by s.id").query(this::map).list();
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql(SELECT + " where s.id = :id and v.version = s.current_version").param("id", id).query(this::map)
			.optional();
	}

	public Optional<Stored> find(String scope, String target) {
		return jdbc.sql(SELECT + " where s.scope = :scope and s.target = :target and v.version = s.current_version")
			.param("scope", scope).param("target", target).query(this::map).optional();
	}

	public List<Stored> versions(long id) {
		return jdbc.sql(SELECT + " where s.id = :id order by v.version").param("id", id).query(this::map).list();
	}

	public long create(String scope, String target, Long enterpriseId) {
		return jdbc.sql("""
				insert into detection_rule_sets (scope, target, enterprise_id, current_version)
				values (:scope, :target, :enterprise, 0) returning id""")
			.param("scope", scope).param("target", target).param("enterprise", enterpriseId).query(Long.class).single();
	}

	/** Appends the next version and makes it current; the row lock serialises concurrent changes of one set. */
	public int addVersion(long id, String name, boolean enabled, Object rules, String by, Instant at) {
		int version = jdbc.sql("update detection_rule_sets set current_version = current_version + 1 where id = :id returning current_version")
			.param("id", id).query(Integer.class).single();
		jdbc.sql("""
				insert into detection_rule_set_versions (rule_set_id, version, name, enabled, rules, created_by, created_at)
				values (:id, :version, :name, :enabled, cast(:rules as jsonb), :by, :at)""")
			.param("id", id).param("version", version).param("name", name).param("enabled", enabled)
			.param("rules", json.writeValueAsString(rules)).param("by", by).param("at", Timestamp.from(at)).update();
		return version;
	}

	private Stored map(ResultSet rs, int row) throws SQLException {
		long enterprise = rs.getLong("enterprise_id");
		Long enterpriseId = rs.wasNull() ? null : enterprise;
		return new Stored(new RuleSet(rs.getLong("id"), rs.getString("scope"), rs.getString("target"), rs.getInt("version"),
				rs.getString("name"), rs.getBoolean("enabled"), json.readTree(rs.getString("rules")), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant()), enterpriseId);
	}
}
