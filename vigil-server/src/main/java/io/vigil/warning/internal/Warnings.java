package io.vigil.warning.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.warning.WarningLevel;
import io.vigil.platform.ConflictException;
import io.vigil.warning.ClearReason;
import io.vigil.warning.TimelineEntry;
import io.vigil.warning.Warning;
import io.vigil.warning.WarningStatus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Stores warning aggregates and their timelines; optimistic versioning guards concurrent writers. */
@Repository
public class Warnings {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Warnings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The open (not yet cleared) warning of an object under a rule. */
	public Optional<Warning> findOpen(String objectKey, String ruleId) {
		return jdbc.sql("select * from warnings where object_key = :key and rule_id = :rule and status <> 'cleared'")
			.param("key", objectKey).param("rule", ruleId).query(this::map).optional();
	}

	public Optional<Warning> findById(long id) {
		return jdbc.sql("select * from warnings where id = :id").param("id", id).query(this::map).optional();
	}

	/** Loads and row-locks a warning for a change, so concurrent steps serialise instead of failing. */
	public Optional<Warning> lock(long id) {
		return jdbc.sql("select * from warnings where id = :id for update").param("id", id).query(this::map).optional();
	}

	/**
	 * Open, still-active warnings held back by an outage that no longer covers them (its window has ended, or
	 * it was withdrawn), locked; rows another scheduler holds are skipped.
	 */
	public List<Warning> lockSuppressedPastOutage(Instant now, int limit) {
		return jdbc.sql("""
				select w.* from warnings w join outages o on o.id = w.suppressed_by
				where w.status <> 'cleared' and w.state = 'active' and (o.ends_at <= :now or o.status <> 'approved')
				order by w.id limit :limit for update of w skip locked""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(this::map).list();
	}

	/** Warnings with an escalation step due, locked; rows another scheduler holds are skipped. */
	public List<Warning> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				select * from warnings where next_due_at <= :now and status <> 'cleared'
				order by next_due_at limit :limit for update skip locked""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(this::map).list();
	}

	public long insert(Warning w) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into warnings (object_key, rule_id, rule_kind, sensor_id, asset_id, enterprise_id, domain,
				    data_quality, level, worst_level, state, status, count, first_seen, last_seen, recovered_at, value,
				    threshold, reason_zh, reason_en, explanation, suppressed_by, acknowledge_due, feedback_due, clear_due,
				    next_due_at, escalation_tier, clear_reason, cleared_at, cleared_by)
				values (:objectKey, :ruleId, :ruleKind, :sensorId, :assetId, :enterpriseId, :domain, :dataQuality,
				    :level, :worstLevel, :state, :status, :count, :firstSeen, :lastSeen, :recoveredAt, :value, :threshold,
				    :reasonZh, :reasonEn, cast(:explanation as jsonb), :suppressedBy, :acknowledgeDue, :feedbackDue,
				    :clearDue, :nextDueAt, :tier, :clearReason, :clearedAt, :clearedBy)""")
			.params(params(w)).update(keys, "id");
		w.assignId(keys.getKey().longValue());
		appendTimeline(w);
		return w.id();
	}

	public void update(Warning w) {
		int updated = jdbc.sql("""
				update warnings set level = :level, worst_level = :worstLevel, state = :state, status = :status,
				    count = :count, last_seen = :lastSeen, recovered_at = :recoveredAt, value = :value,
				    threshold = :threshold, reason_zh = :reasonZh, reason_en = :reasonEn,
				    explanation = cast(:explanation as jsonb), suppressed_by = :suppressedBy,
				    acknowledge_due = :acknowledgeDue, feedback_due = :feedbackDue, clear_due = :clearDue,
				    next_due_at = :nextDueAt, escalation_tier = :tier, clear_reason = :clearReason,
				    cleared_at = :clearedAt, cleared_by = :clearedBy, version = version + 1
				where id = :id and version = :version""")
			.params(params(w)).param("id", w.id()).param("version", w.version()).update();
		if (updated != 1) {
			throw new ConflictException("version", "warning " + w.id() + " was changed concurrently; retry / 预警已被他人修改，请重试");
		}
		appendTimeline(w);
	}

	public List<TimelineEntry> timeline(long warningId) {
		return jdbc.sql("select * from warning_timeline where warning_id = :id order by id").param("id", warningId)
			.query((rs, row) -> new TimelineEntry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("level"), rs.getString("note"), readMap(rs.getString("details"))))
			.list();
	}

	private void appendTimeline(Warning w) {
		for (TimelineEntry e : w.drainTimeline()) {
			jdbc.sql("""
					insert into warning_timeline (warning_id, at, actor, action, level, note, details)
					values (:id, :at, :actor, :action, :level, :note, cast(:details as jsonb))""")
				.param("id", w.id()).param("at", Timestamp.from(e.at())).param("actor", e.actor())
				.param("action", e.action()).param("level", e.level()).param("note", e.note())
				.param("details", json.writeValueAsString(e.details())).update();
		}
	}

	private Map<String, Object> params(Warning w) {
		java.util.HashMap<String, Object> p = new java.util.HashMap<>();
		p.put("objectKey", w.objectKey());
		p.put("ruleId", w.ruleId());
		p.put("ruleKind", w.ruleKind());
		p.put("sensorId", w.sensorId());
		p.put("assetId", w.assetId());
		p.put("enterpriseId", w.enterpriseId());
		p.put("domain", w.domain());
		p.put("dataQuality", w.dataQuality());
		p.put("level", w.level().en());
		p.put("worstLevel", w.worstLevel().en());
		p.put("state", w.state());
		p.put("status", w.status().code());
		p.put("count", w.count());
		p.put("firstSeen", ts(w.firstSeen()));
		p.put("lastSeen", ts(w.lastSeen()));
		p.put("recoveredAt", ts(w.recoveredAt()));
		p.put("value", Double.isNaN(w.value()) ? null : w.value());
		p.put("threshold", Double.isNaN(w.threshold()) ? null : w.threshold());
		p.put("reasonZh", w.reasonZh());
		p.put("reasonEn", w.reasonEn());
		p.put("explanation", json.writeValueAsString(w.explanation()));
		p.put("suppressedBy", w.suppressedBy());
		p.put("acknowledgeDue", ts(w.acknowledgeDue()));
		p.put("feedbackDue", ts(w.feedbackDue()));
		p.put("clearDue", ts(w.clearDue()));
		p.put("nextDueAt", ts(w.nextDueAt()));
		p.put("tier", w.escalationTier());
		p.put("clearReason", w.clearReason() == null ? null : w.clearReason().code());
		p.put("clearedAt", ts(w.clearedAt()));
		p.put("clearedBy", w.clearedBy());
		return p;
	}

	private Warning map(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("clear_reason");
		return new Warning(rs.getLong("id"), rs.getString("object_key"), rs.getString("rule_id"),
				rs.getString("rule_kind"), nullableLong(rs, "sensor_id"), nullableLong(rs, "asset_id"),
				rs.getLong("enterprise_id"), rs.getString("domain"), rs.getBoolean("data_quality"),
				WarningLevel.parse(rs.getString("level")), WarningLevel.parse(rs.getString("worst_level")),
				"active".equals(rs.getString("state")), WarningStatus.fromCode(rs.getString("status")), rs.getInt("count"),
				instant(rs, "first_seen"), instant(rs, "last_seen"), instant(rs, "recovered_at"), number(rs, "value"),
				number(rs, "threshold"), rs.getString("reason_zh"), rs.getString("reason_en"),
				readMap(rs.getString("explanation")), nullableLong(rs, "suppressed_by"), instant(rs, "acknowledge_due"),
				instant(rs, "feedback_due"), instant(rs, "clear_due"), instant(rs, "next_due_at"),
				rs.getInt("escalation_tier"), reason == null ? null : ClearReason.fromCode(reason),
				instant(rs, "cleared_at"), rs.getString("cleared_by"), rs.getInt("version"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> readMap(String text) {
		return text == null ? Map.of() : json.readValue(text, Map.class);
	}

	static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static double number(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? Double.NaN : v;
	}
}
